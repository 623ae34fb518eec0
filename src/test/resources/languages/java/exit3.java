public class Main {
    public static void main(String[] args) {
        System.out.println("bye");
        System.exit(3);
    }
}
