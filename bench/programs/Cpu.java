public class Main {
    // Counts the primes below 2,000,000 by trial division: the same loop as cpu.js; prints 148933.
    public static void main(String[] args) {
        int count = 0;
        for (int n = 2; n < 2000000; n++) {
            boolean prime = true;
            for (int d = 2; d * d <= n; d++) {
                if (n % d == 0) { prime = false; break; }
            }
            if (prime) count++;
        }
        System.out.println(count);
    }
}
