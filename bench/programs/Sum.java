import java.io.BufferedReader;
import java.io.InputStreamReader;

// Reads a line of integers and prints their sum: the test-case program of the grader rows.
public class Main {
    public static void main(String[] args) throws Exception {
        String line = new BufferedReader(new InputStreamReader(System.in)).readLine();
        long sum = 0;
        for (String token : line.trim().split("\\s+")) {
            sum += Long.parseLong(token);
        }
        System.out.println(sum);
    }
}
