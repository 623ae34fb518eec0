import java.io.IOException;

public class Main {
    public static void main(String[] args) throws IOException {
        System.out.write(System.in.readAllBytes());
        for (String arg : args) System.out.println(arg);
        System.out.flush();
    }
}
