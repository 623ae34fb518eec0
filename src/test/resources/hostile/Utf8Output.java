/** Multi-byte characters over many frames, on both streams: each must come back whole. */
public class Utf8Output {
    public static void main(String[] args) {
        String line = "é😀ß漢".repeat(500);
        for (int i = 0; i < 4; i++) {
            System.out.println(line);
        }
        System.err.print("ñ🙂".repeat(1000));
    }
}
