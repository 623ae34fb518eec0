/** Starts sleeping threads until the pids limit refuses one: the JVM's own error, then a normal exit path. */
public class ThreadBomb {
    public static void main(String[] args) {
        int started = 0;
        try {
            while (true) {
                Thread t = new Thread(() -> {
                    try {
                        Thread.sleep(Long.MAX_VALUE);
                    } catch (InterruptedException e) {
                        // ends the thread
                    }
                });
                t.setDaemon(true);
                t.start();
                started++;
            }
        } catch (OutOfMemoryError e) {
            System.out.println("refused after " + (started > 0 && started < 128 ? "fewer than 128" : started) + " threads");
            throw e;
        }
    }
}
