package dev.edc.delivery;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Docker engine of the test's own, beside the machine's (which other tests and users share and
 * which must never be stopped): its own socket, data root, exec root, pid file, configuration
 * file and containerd, all under one temporary directory; no bridge, no iptables rules, no IP
 * forwarding (sandboxes have no network, builds use the host's), so it touches nothing of the
 * machine's engine. Data survives {@link #stop()} and {@link #start()}: a restart is a real engine
 * restart, images kept, containers gone. {@link #close()} stops it and removes everything it made.
 * Needs {@code dockerd} and {@code docker} and root, as on CI ({@code scripts/services.sh}).
 */
final class DockerNode implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CLI_TIMEOUT = Duration.ofMinutes(5);
    /** Debian's docker.io puts it in /usr/sbin, which a non-login shell's PATH may lack. */
    private static final String DOCKERD =
            Files.isExecutable(Path.of("/usr/sbin/dockerd")) ? "/usr/sbin/dockerd" : "dockerd";

    private final Path root;
    private final Path socket;
    private Process daemon;

    DockerNode() {
        try {
            this.root = Files.createTempDirectory("edc-it-docker-");
            Files.writeString(root.resolve("daemon.json"), "{}\n"); // not the machine's /etc/docker/daemon.json
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.socket = root.resolve("docker.sock");
        Runtime.getRuntime().addShutdownHook(new Thread(this::close)); // never outlives the tests
    }

    /** Whether this machine can run a second engine: dockerd and docker on the path, and root. */
    static boolean available() {
        return "root".equals(ProcessHandle.current().info().user().orElse(""))
                && exitsZero(DOCKERD, "--version")
                && exitsZero("docker", "--version");
    }

    /** Where EDC finds it ({@code edc.sandbox.docker-host}). */
    String host() {
        return "unix://" + socket;
    }

    /** Starts the engine and waits until it answers. */
    void start() {
        List<String> command = List.of(
                DOCKERD,
                "--host=" + host(),
                "--config-file=" + root.resolve("daemon.json"),
                "--data-root=" + root.resolve("data"),
                "--exec-root=" + root.resolve("exec"),
                "--pidfile=" + root.resolve("docker.pid"),
                "--bridge=none",
                "--iptables=false",
                "--ip6tables=false",
                "--ip-forward=false",
                "--ip-masq=false",
                "--log-driver=none");
        try {
            daemon = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            root.resolve("dockerd.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start dockerd", e);
        }
        await("the test's Docker engine answers")
                .atMost(START_TIMEOUT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!daemon.isAlive()) {
                        throw new AssertionError("dockerd exited while starting:\n" + log());
                    }
                    return answers();
                });
    }

    /**
     * SIGTERM, as {@code systemctl stop docker} sends, and waits until the engine has exited (it
     * stops its containers first).
     *
     * @return how long it took to stop
     */
    Duration stop() {
        long started = System.nanoTime();
        stop(daemon);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Whether the engine answers {@code GET /_ping}. */
    boolean answers() {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            channel.write(
                    ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer reply = ByteBuffer.allocate(64);
            channel.read(reply);
            return new String(reply.array(), 0, reply.position(), StandardCharsets.US_ASCII).startsWith("HTTP/1.0 200");
        } catch (IOException e) {
            return false;
        }
    }

    /** Copies images from the machine's engine ({@code docker save | docker load}): nothing is pulled. */
    void loadFromMachine(String... images) {
        List<String> save = new ArrayList<>(List.of("docker", "save"));
        save.addAll(List.of(images));
        try {
            List<Process> pipeline = ProcessBuilder.startPipeline(List.of(
                    new ProcessBuilder(save).redirectError(ProcessBuilder.Redirect.INHERIT),
                    new ProcessBuilder("docker", "-H", host(), "load", "-q")
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)));
            for (Process step : pipeline) {
                if (!step.waitFor(CLI_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || step.exitValue() != 0) {
                    throw new IllegalStateException("could not copy " + List.of(images) + " to the test's engine");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code docker -H <this engine> <arguments>} and returns its output; fails unless it exits 0. */
    String docker(String... arguments) {
        List<String> command = new ArrayList<>(List.of("docker", "-H", host()));
        command.addAll(List.of(arguments));
        return run(command);
    }

    /** The end of the engine's log, for a failure message. */
    String log() {
        try {
            List<String> lines = Files.readAllLines(root.resolve("dockerd.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** Removes its containers, stops it, unmounts what it left mounted and deletes its directory; again is harmless. */
    @Override
    public synchronized void close() {
        if (daemon != null && daemon.isAlive()) {
            try {
                String containers = docker("ps", "-aq").strip();
                if (!containers.isEmpty()) {
                    List<String> remove = new ArrayList<>(List.of("rm", "-f"));
                    remove.addAll(containers.lines().toList());
                    docker(remove.toArray(String[]::new));
                }
            } catch (IllegalStateException e) {
                System.err.println("[docker-node] " + e.getMessage());
            }
            stop(daemon);
        }
        killLeftovers(root);
        unmountUnder(root);
        run(List.of("rm", "-rf", root.toString())); // overlay layers hold files Java may not delete
    }

    private void stop(Process process) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                System.err.println("[docker-node] dockerd did not stop in " + STOP_TIMEOUT + ": killed");
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * What the engine started and left running (its containerd, container shims: after a dockerd
     * that was killed or did not stop), found by this engine's directory on their command line.
     */
    private static void killLeftovers(Path root) {
        List<ProcessHandle> leftovers = ProcessHandle.allProcesses()
                .filter(process -> process.info()
                        .commandLine()
                        .map(line -> line.contains(root.toString()))
                        .orElse(false))
                .toList();
        for (ProcessHandle process : leftovers) {
            System.err.println("[docker-node] killing what the engine left running: " + process.pid() + " "
                    + process.info().commandLine().orElse(""));
            process.destroyForcibly();
        }
        for (ProcessHandle process : leftovers) {
            process.onExit().completeOnTimeout(process, 10, TimeUnit.SECONDS).join();
        }
    }

    /** What the engine left mounted under its directory (none after a clean stop), deepest first. */
    private static void unmountUnder(Path root) {
        try (Stream<String> mounts = Files.lines(Path.of("/proc/self/mountinfo"))) {
            List<String> points = mounts.map(line -> line.split(" ")[4])
                    .filter(point -> point.startsWith(root + "/"))
                    .sorted(Comparator.reverseOrder())
                    .toList();
            for (String point : points) {
                System.err.println("[docker-node] unmounting what the engine left: " + point);
                run(List.of("umount", "-l", point));
            }
        } catch (IOException e) {
            System.err.println("[docker-node] could not read the mounts: " + e);
        }
    }

    private static String run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(CLI_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean exitsZero(String... command) {
        try {
            Process probe =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            probe.getInputStream().transferTo(OutputStream.nullOutputStream());
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
