/** Leaves through System.exit with a code of its own, from another thread, while main sleeps. */
public class SystemExit {
    public static void main(String[] args) throws InterruptedException {
        System.out.println("out");
        System.err.println("err");
        new Thread(() -> System.exit(42)).start();
        Thread.sleep(Long.MAX_VALUE);
    }
}
