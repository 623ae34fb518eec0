import java.net.InetSocketAddress;
import java.net.Socket;

public class Main {
    public static void main(String[] args) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 9), 3000);
            System.out.println("connected");
        } catch (Exception e) {
            System.out.println("127.0.0.1:9: " + e);
        }
    }
}
