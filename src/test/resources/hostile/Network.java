import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Collections;
import java.util.stream.Collectors;

/** Lists the interfaces Java sees, then a TCP echo over loopback inside the program. Sends nothing elsewhere. */
public class Network {
    public static void main(String[] args) throws Exception {
        System.out.println("interfaces: " + Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .map(NetworkInterface::getName).sorted().collect(Collectors.joining(",")));
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread echo = new Thread(() -> {
                try (Socket s = server.accept()) {
                    new DataOutputStream(s.getOutputStream()).writeUTF(new DataInputStream(s.getInputStream()).readUTF());
                } catch (Exception e) {
                    e.printStackTrace();
                }
            });
            echo.start();
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                new DataOutputStream(client.getOutputStream()).writeUTF("ping over loopback");
                System.out.println("echo: " + new DataInputStream(client.getInputStream()).readUTF());
            }
        }
    }
}
