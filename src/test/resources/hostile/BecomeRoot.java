import java.nio.file.Files;
import java.nio.file.Path;

/** Its own ids and capabilities from the kernel's view, and the tools that would help it to root. */
public class BecomeRoot {
    public static void main(String[] args) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.matches("(Uid|Gid|CapPrm|CapEff|CapBnd|CapAmb|NoNewPrivs):.*")) {
                System.out.println(line.replaceAll("\\s+", " "));
            }
        }
        for (String tool : new String[] {"/usr/bin/perl", "/usr/bin/unshare", "/usr/bin/nsenter", "/usr/bin/passwd", "/usr/bin/su"}) {
            System.out.println(tool + ": " + (Files.exists(Path.of(tool)) ? "present" : "absent"));
        }
    }
}
