/** Sleeps without end in a non-daemon thread too: no CPU used, only the wall clock ends it. */
public class SleepForever {
    public static void main(String[] args) throws InterruptedException {
        new Thread(() -> {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                // ends the thread
            }
        }).start();
        System.out.println("going to sleep");
        Thread.sleep(Long.MAX_VALUE);
    }
}
