package dev.edc.delivery;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway Redis of the test's own (the machine's Redis is shared and must never be stopped),
 * persisting to an append-only file in a temporary directory as a production Redis does, so that a
 * restart keeps the records.
 */
final class RedisNode implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final int port;
    private final Path dir;
    private Process server;

    RedisNode(int port) {
        this.port = port;
        try {
            this.dir = Files.createTempDirectory("edc-redis-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean available() {
        try {
            Process probe = new ProcessBuilder("redis-server", "--version")
                    .redirectErrorStream(true)
                    .start();
            probe.getInputStream().transferTo(OutputStream.nullOutputStream());
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    int port() {
        return port;
    }

    void start() {
        try {
            server = new ProcessBuilder(
                            "redis-server",
                            "--port",
                            Integer.toString(port),
                            "--bind",
                            "127.0.0.1",
                            "--save",
                            "",
                            "--appendonly",
                            "yes",
                            "--dir",
                            dir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("server.out").toFile()))
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::destroyForcibly)); // never outlives the tests
        } catch (IOException e) {
            throw new UncheckedIOException("could not start redis-server", e);
        }
        await("redis-server on port " + port)
                .atMost(START_TIMEOUT)
                .pollInterval(Duration.ofMillis(100))
                .until(this::ping);
    }

    /** SIGTERM: Redis writes its append-only file and exits. */
    void stop() {
        if (server == null || !server.isAlive()) {
            return;
        }
        server.destroy();
        try {
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.destroyForcibly();
        }
    }

    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    private boolean ping() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(1000);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            return new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }
}
