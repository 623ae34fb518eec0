import java.io.FileOutputStream;
import java.io.IOException;
import java.util.Arrays;

// Files of 8 MB (under the 16 MB file size limit) until the disk is full.
public class Main {
    public static void main(String[] args) {
        byte[] chunk = new byte[1 << 20];
        Arrays.fill(chunk, (byte) 'x');
        int written = 0;
        try {
            for (int i = 0; i < 1000; i++) {
                try (FileOutputStream out = new FileOutputStream("/tmp/fill" + i)) {
                    for (int j = 0; j < 8; j++) {
                        out.write(chunk);
                        written++;
                    }
                }
            }
        } catch (IOException e) {
            System.out.println("after " + written + " MB: " + e.getMessage());
        }
    }
}
