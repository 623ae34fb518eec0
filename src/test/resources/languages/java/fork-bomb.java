import java.util.ArrayList;
import java.util.List;

public class Main {
    public static void main(String[] args) {
        List<Process> children = new ArrayList<>();
        while (true) {
            try {
                children.add(new ProcessBuilder("sleep", "60").start());
            } catch (Exception e) {
                System.out.println("start failed after " + children.size() + " children: " + e.getMessage());
                while (true) Thread.onSpinWait();
            }
        }
    }
}
