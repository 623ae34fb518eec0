public class Greeter {
    private final String name;

    public Greeter(String name) {
        this.name = name;
    }

    public String greet() {
        return "Hello from " + name;
    }

    public static int twice(int n) {
        return 2 * n;
    }
}
