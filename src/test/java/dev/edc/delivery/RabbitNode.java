package dev.edc.delivery;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A RabbitMQ node of the test's own, beside the machine's broker (which other tests and users
 * share and which must never be stopped): its own node name, ports, data and logs in a temporary
 * directory, no plugins. Data survives {@link #stop()} and {@link #start()}: a restart is a real
 * broker restart, durable queues and persistent messages included.
 */
final class RabbitNode implements AutoCloseable {

    private static final Path SERVER = Path.of("/usr/lib/rabbitmq/bin/rabbitmq-server");
    private static final Path CTL = Path.of("/usr/lib/rabbitmq/bin/rabbitmqctl");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final String node;
    private final int port;
    private final Path base;
    private final Map<String, String> environment;
    private Process server;

    RabbitNode(String name, int port, int distributionPort) {
        this.node = name + "@localhost";
        this.port = port;
        try {
            this.base = Files.createTempDirectory("edc-" + name + "-");
            Files.writeString(base.resolve("enabled_plugins"), "[].");
            Files.writeString(base.resolve("rabbitmq.conf"), "listeners.tcp.default = " + port + "\n");
            Files.writeString(base.resolve("rabbitmq-env.conf"), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.environment = Map.of(
                "HOME", base.toString(), // the Erlang cookie of this node and of rabbitmqctl
                "RABBITMQ_NODENAME", node,
                "RABBITMQ_NODE_PORT", Integer.toString(port),
                "RABBITMQ_DIST_PORT", Integer.toString(distributionPort),
                "RABBITMQ_MNESIA_BASE", base.resolve("mnesia").toString(),
                "RABBITMQ_LOG_BASE", base.resolve("log").toString(),
                "RABBITMQ_ENABLED_PLUGINS_FILE", base.resolve("enabled_plugins").toString(),
                "RABBITMQ_CONFIG_FILE", base.resolve("rabbitmq.conf").toString(),
                "RABBITMQ_CONF_ENV_FILE", base.resolve("rabbitmq-env.conf").toString(),
                "RABBITMQ_PID_FILE", base.resolve("pid").toString());
    }

    /** Whether this machine has RabbitMQ's scripts where Debian's package puts them. */
    static boolean available() {
        return Files.isExecutable(SERVER) && Files.isExecutable(CTL);
    }

    int port() {
        return port;
    }

    /** Starts the node and waits until it accepts clients. */
    void start() {
        try {
            ProcessBuilder builder = new ProcessBuilder(SERVER.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            base.resolve("server.out").toFile()));
            builder.environment().putAll(environment);
            server = builder.start();
            Process started = server;
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> { // never outlives the tests
                                started.descendants().forEach(ProcessHandle::destroyForcibly);
                                started.destroyForcibly();
                            }));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start RabbitMQ node " + node, e);
        }
        // await_startup fails at once while the node has not registered its name yet: ask again
        await("RabbitMQ node " + node + " started")
                .atMost(START_TIMEOUT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!server.isAlive()) {
                        throw new AssertionError(
                                "RabbitMQ node " + node + " exited while starting:\n" + read("server.out"));
                    }
                    return ctl(Duration.ofSeconds(30), "await_startup") == 0;
                });
    }

    private String read(String file) {
        try {
            return Files.readString(base.resolve(file));
        } catch (IOException e) {
            return "(no " + file + ")";
        }
    }

    /** Stops the node (as {@code rabbitmqctl stop} does) and waits until it is gone. */
    void stop() {
        if (server == null || !server.isAlive()) {
            return;
        }
        ctl(Duration.ofSeconds(60), "stop");
        try {
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                killTree();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killTree();
        }
    }

    @Override
    public void close() {
        stop();
        killTree();
        try (Stream<Path> files = Files.walk(base)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    private int ctl(Duration timeout, String... arguments) {
        List<String> command = new ArrayList<>(List.of(CTL.toString(), "-n", node, "-q"));
        command.addAll(List.of(arguments));
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            base.resolve("ctl.out").toFile()));
            builder.environment().putAll(environment);
            Process ctl = builder.start();
            if (!ctl.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                ctl.destroyForcibly();
                return -1;
            }
            return ctl.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The server script and the Erlang VM it started: only what this node started. */
    private void killTree() {
        if (server != null) {
            server.descendants().forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly();
        }
    }
}
