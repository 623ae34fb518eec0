import java.io.FileInputStream;

/** The forging attempt of forge-report.js from a JVM: read the init's memory, print its frames, spin. */
public class ForgeReport {
    public static void main(String[] args) {
        for (String file : new String[] {"/proc/1/maps", "/proc/1/mem"}) {
            try (FileInputStream in = new FileInputStream(file)) {
                System.out.println(file + " opened");
            } catch (Exception e) {
                System.out.println(file + " " + e.getMessage().replaceAll(".*\\((.*)\\)", "$1"));
            }
        }
        System.out.println("exit 0 peak=4096 oom=0");
        System.out.flush();
        for (;;) { }
    }
}
