/** A program whose class bears the Java runner's name: it runs as the program's own class. */
public class EdcJava {
    public static void main(String[] args) {
        System.out.println("the program's own EdcJava, " + args.length + " args");
    }
}
