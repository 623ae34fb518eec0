package dev.edc.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One EDC process started from the built jar as an operator starts it: a role ({@code api} or
 * {@code worker}), its own port, the environment of the tests (broker, store, vhost) plus
 * settings, and its log in {@code target/delivery-it/<name>.log} (appended across restarts).
 * Failsafe runs after {@code package}, so the jar is there.
 */
public final class EdcProcess implements AutoCloseable {

    static final Path LOG_DIR = Path.of("target", "delivery-it");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final String name;
    private final int port;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    private EdcProcess(String name, String profile, int port, Map<String, String> environment, List<String> settings) {
        this.name = name;
        this.port = port;
        this.environment = environment;
        this.log = LOG_DIR.resolve(name + ".log");
        try {
            Files.deleteIfExists(log); // one log per test run, appended across restarts
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1", // light on a 2-core machine running several of these
                "-jar",
                jar().toString(),
                "--spring.profiles.active=" + profile,
                "--server.port=" + port,
                "--spring.main.banner-mode=off"));
        this.command.addAll(settings);
    }

    public static EdcProcess api(String name, int port, Map<String, String> environment, String... settings) {
        return new EdcProcess(name, "api", port, environment, List.of(settings));
    }

    public static EdcProcess worker(String name, int port, Map<String, String> environment, String... settings) {
        return new EdcProcess(name, "worker", port, environment, List.of(settings));
    }

    /** Starts the process (not waiting for it to be ready). */
    public EdcProcess start() {
        try {
            Files.createDirectories(LOG_DIR);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
            Process started = process;
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly)); // never outlives the tests
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** Waits until its readiness probe answers 200 (broker, store and, for a worker, Docker are up). */
    public EdcProcess awaitReady() {
        try {
            await(name + " ready")
                    .atMost(READY_TIMEOUT)
                    .pollInterval(Duration.ofMillis(300))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new AssertionError(name + " exited with " + process.exitValue()
                                    + " before it was ready; log:\n" + tail(40));
                        }
                        return ready();
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(name + " not ready within " + READY_TIMEOUT + "; log:\n" + tail(40), e);
        }
        return this;
    }

    /** Starts it again after it stopped, and waits until it is ready. */
    public EdcProcess restart() {
        close();
        return start().awaitReady();
    }

    /** SIGTERM: what an orchestrator sends to stop it gracefully. */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL: the process dies at once, as in a crash or an OOM kill. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    /** Whether it exited within the timeout. */
    boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The operating system's id of the process (a worker's id is {@code <host>-<pid>}). */
    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    public int port() {
        return port;
    }

    String name() {
        return name;
    }

    /** Its whole log, every run. */
    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many log lines match. */
    long countLines(Pattern pattern) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> pattern.matcher(line).find()).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether this worker's log says it took the execution (its "running" line). */
    public boolean ran(String uuid) {
        return countLines(runningLine(uuid)) > 0;
    }

    static Pattern runningLine(String uuid) {
        return Pattern.compile("execution " + Pattern.quote(uuid) + ": running ");
    }

    String tail(int lines) {
        List<String> all = log().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            awaitExit(Duration.ofSeconds(10));
        }
    }

    private boolean ready() {
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(3))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path jar() {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            Path jar = files.filter(file -> file.getFileName().toString().matches("edc-.*\\.jar"))
                    .findFirst()
                    .orElse(null);
            assertThat(jar)
                    .as("the EDC jar in target/ (failsafe runs after package)")
                    .isNotNull();
            return jar.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
