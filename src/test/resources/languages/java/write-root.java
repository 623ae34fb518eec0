import java.nio.file.Files;
import java.nio.file.Path;

public class Main {
    public static void main(String[] args) {
        try {
            Files.writeString(Path.of("/etc/x"), "x");
            System.out.println("written");
        } catch (Exception e) {
            System.out.println("/etc/x: " + e);
        }
    }
}
