// JVM workload for the seccomp profile check: threads, virtual threads, GC pressure, JIT,
// loopback sockets, interface list, files in /tmp, a child process. Prints "java: ok ...".
import java.io.*;
import java.net.*;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.*;

public class Work {
    public static void main(String[] args) throws Exception {
        long sum = 0;
        List<int[]> keep = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {                 // GC and JIT
            int[] a = new int[64 + (i % 512)];
            a[0] = i;
            sum += a[0];
            if (i % 1000 == 0) keep.add(a);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Long>> fs = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            final int k = t;
            fs.add(pool.submit(() -> { long s = 0; for (int i = 0; i < 5_000_000; i++) s += i ^ k; return s; }));
        }
        for (Future<Long> f : fs) sum += f.get();
        pool.shutdown();
        try (ExecutorService v = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 1000; i++) v.submit(() -> { Thread.sleep(1); return null; });
        }
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket c = new Socket(InetAddress.getLoopbackAddress(), ss.getLocalPort());
             Socket s = ss.accept()) {
            c.getOutputStream().write(42);
            sum += s.getInputStream().read();
        }
        int ifs = Collections.list(NetworkInterface.getNetworkInterfaces()).size();
        Path p = Files.createTempFile("work", ".txt");
        Files.writeString(p, "hello");
        sum += Files.readString(p).length();
        Process pr = new ProcessBuilder("true").start();
        int rc = pr.waitFor();
        System.out.println("java: ok " + Runtime.version().feature() + " gc=" +
            java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().get(0).getName() +
            " ifs=" + ifs + " child=" + rc + " sum=" + (sum != 0));
    }
}
