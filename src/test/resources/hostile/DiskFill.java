import java.io.FileOutputStream;
import java.io.IOException;

/** Fills /tmp with 1 MiB files until the tmpfs is full; reports Java's own IOException. */
public class DiskFill {
    public static void main(String[] args) {
        byte[] chunk = new byte[1024 * 1024];
        int files = 0;
        try {
            while (true) {
                try (FileOutputStream out = new FileOutputStream("/tmp/fill-" + files)) {
                    out.write(chunk);
                }
                files++;
            }
        } catch (IOException e) {
            System.out.println(e.getMessage() + (files >= 32 && files <= 64 ? " after 32..64 MiB" : " after " + files));
        }
    }
}
