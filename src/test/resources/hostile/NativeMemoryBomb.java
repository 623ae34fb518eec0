import java.lang.reflect.Field;

/** Native memory, outside the Java heap and touched page by page, past the container's limit: the kernel kills it. */
public class NativeMemoryBomb {
    public static void main(String[] args) throws Exception {
        Field field = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
        field.setAccessible(true);
        sun.misc.Unsafe unsafe = (sun.misc.Unsafe) field.get(null);
        long chunk = 8L * 1024 * 1024;
        while (true) {
            long address = unsafe.allocateMemory(chunk);
            unsafe.setMemory(address, chunk, (byte) 1);
        }
    }
}
