/** Prints without end: the output cap must stop it. */
public class OutputFlood {
    public static void main(String[] args) {
        String line = "flood ".repeat(100);
        while (true) {
            System.out.println(line);
        }
    }
}
