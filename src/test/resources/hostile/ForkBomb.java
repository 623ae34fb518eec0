import java.util.ArrayList;
import java.util.List;

/** Starts shells that fork without end, until the pids limit refuses; then spins: the time limit ends it. */
public class ForkBomb {
    public static void main(String[] args) {
        List<Process> children = new ArrayList<>();
        try {
            while (true) {
                children.add(new ProcessBuilder("/bin/sh", "-c", "b() { b | b & }; b").start());
            }
        } catch (Throwable refused) {
            System.out.println("refused: pids limit reached");
        }
        while (true) {
            Thread.onSpinWait();
        }
    }
}
