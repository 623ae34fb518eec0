/** Spins forever: only the wall-clock limit can stop it. */
public class BusyLoop {
    public static void main(String[] args) {
        long n = 0;
        while (true) {
            n++;
        }
    }
}
