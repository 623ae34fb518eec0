import java.security.MessageDigest;

/** Reads a stdin near the server's maximum (1 MB) and proves it arrived whole. */
public class HugeStdin {
    public static void main(String[] args) throws Exception {
        byte[] data = System.in.readAllBytes();
        byte[] sum = MessageDigest.getInstance("SHA-256").digest(data);
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            hex.append(String.format("%02x", sum[i]));
        }
        System.out.println(data.length + " " + hex);
    }
}
