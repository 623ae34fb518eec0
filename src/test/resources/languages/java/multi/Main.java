public class Main {
    public static void main(String[] args) {
        Greeter greeter = new Greeter("multi");
        System.out.println(greeter.greet());
        System.out.println(Greeter.twice(21));
    }
}
