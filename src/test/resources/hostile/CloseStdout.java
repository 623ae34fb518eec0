/** Closes System.out, then writes on it (silently lost) and on stderr, and ends normally. */
public class CloseStdout {
    public static void main(String[] args) {
        System.out.println("before close");
        System.out.close();
        System.out.println("after close");
        System.err.println("stderr still open");
    }
}
