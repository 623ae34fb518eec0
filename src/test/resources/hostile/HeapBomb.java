import java.util.ArrayList;
import java.util.List;

/** Fills the Java heap: the JVM's own OutOfMemoryError, not the kernel, must end it. */
public class HeapBomb {
    public static void main(String[] args) {
        List<long[]> kept = new ArrayList<>();
        while (true) {
            kept.add(new long[128 * 1024]);
        }
    }
}
