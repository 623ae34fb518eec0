/** Starts a process that sleeps and holds stdout, then main returns at once. */
public class BackgroundProcess {
    public static void main(String[] args) throws Exception {
        new ProcessBuilder("/bin/sh", "-c", "sleep 600").inheritIO().start();
        System.out.println("main done");
    }
}
