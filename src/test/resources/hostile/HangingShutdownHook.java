/** Exits, but a shutdown hook never finishes: the JVM hangs in its exit, and the time limit ends it. */
public class HangingShutdownHook {
    public static void main(String[] args) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            while (true) {
                Thread.onSpinWait();
            }
        }));
        System.out.println("exiting");
        System.exit(0);
    }
}
