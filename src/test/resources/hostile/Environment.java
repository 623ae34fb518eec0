import java.util.Map;
import java.util.TreeMap;

/** Prints its whole environment and system properties' paths: nothing of the worker's may be there. */
public class Environment {
    public static void main(String[] args) {
        new TreeMap<>(System.getenv()).forEach((k, v) -> System.out.println(k + "=" + v));
        System.out.println("user.name=" + System.getProperty("user.name"));
        System.out.println("user.dir=" + System.getProperty("user.dir"));
        System.out.println("java.home=" + System.getProperty("java.home"));
    }
}
