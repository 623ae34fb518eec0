import java.nio.file.Files;
import java.nio.file.Path;

/** Its own ids and capabilities from the kernel's view, then a raw setuid(0) through perl. */
public class BecomeRoot {
    public static void main(String[] args) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.matches("(Uid|Gid|CapPrm|CapEff|CapBnd|CapAmb|NoNewPrivs):.*")) {
                System.out.println(line.replaceAll("\\s+", " "));
            }
        }
        Process perl = new ProcessBuilder("/usr/bin/perl", "-e", "$< = $> = 0; print \"setuid(0): $!\\n\"").start();
        System.out.print(new String(perl.getInputStream().readAllBytes()));
        perl.waitFor();
    }
}
