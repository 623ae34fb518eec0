package dev.edc.sandbox;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Ulimit;
import dev.edc.Roles;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Makes, kills and removes locked-down sandbox containers through the Docker engine. */
@Component
@Profile(Roles.WORKER)
class SandboxContainers {

    private static final Logger log = LoggerFactory.getLogger(SandboxContainers.class);
    private static final long ATTACH_TIMEOUT_S = 10;
    private static final long STOP_GRACE_MS = 300; // for the init to kill the program and report after SIGUSR1
    private static final Duration REMOVAL_PATIENCE = Duration.ofSeconds(2);
    private static final Duration MAX_REMOVAL_DELAY = Duration.ofSeconds(5);

    private final DockerClient docker;
    private final SandboxProperties properties;
    private final SandboxLoad load;
    // Removal is off the result's path: the result is known once the program has ended.
    private final ExecutorService remover = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("sandbox-remover").factory());

    // Tells this worker's containers from other workers' on the same engine.
    private final String workerId = UUID.randomUUID().toString();
    private final SecureRandom random = new SecureRandom();

    SandboxContainers(DockerClient docker, SandboxProperties properties, SandboxLoad load) {
        this.docker = docker;
        this.properties = properties;
        this.load = load;
    }

    /** On shutdown, finishes the removals under way: no container outlives its worker. */
    @PreDestroy
    void finishRemovals() throws InterruptedException {
        remover.shutdown();
        if (!remover.awaitTermination(30, TimeUnit.SECONDS)) {
            log.warn("sandbox removals still running at shutdown; the next worker's reaper will finish them");
        }
    }

    /**
     * Creates a container, attaches to it (before starting it, or early output is lost) and starts
     * it. Its runner then waits on stdin for a payload.
     *
     * @param lifetime how long it may exist before the reaper takes it for a leftover
     * @param warm     whether it waits in the pool (labelled so; its runner warms up while stdin is empty)
     */
    LiveContainer start(PoolKey key, String executionId, Duration lifetime, boolean warm) {
        String id = create(key, executionId, lifetime, warm);
        try {
            String token = newToken();
            PayloadStream stdin = new PayloadStream((token + "\n").getBytes(StandardCharsets.US_ASCII));
            // Called on the attach thread, which must go on reading for the init's report to arrive.
            OutputCollector output = new OutputCollector(token, collector -> Thread.ofVirtual().start(() -> stop(id, collector)));
            docker.attachContainerCmd(id)
                    .withStdIn(stdin)
                    .withStdOut(true).withStdErr(true).withFollowStream(true)
                    .exec(output);
            if (!output.awaitStarted(ATTACH_TIMEOUT_S, TimeUnit.SECONDS)) {
                throw new SandboxException("Could not attach to sandbox " + id, null);
            }
            docker.startContainerCmd(id).exec();
            return new LiveContainer(id, key, stdin, output, Instant.now());
        } catch (InterruptedException e) {
            removeUninterrupted(id);
            Thread.currentThread().interrupt();
            throw new SandboxException("Interrupted while starting a sandbox", e);
        } catch (RuntimeException e) {
            removeUninterrupted(id);
            throw e instanceof SandboxException se ? se : new SandboxException("Could not start a sandbox from " + key.image() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Ends a run at a limit (time, output). SIGUSR1 has the runner's init kill every process of the
     * program and still report its peak memory; SIGKILL ends the container if that report does not
     * come in time. The container is removed afterwards.
     */
    void stop(String id, OutputCollector output) {
        try {
            signal(id, "SIGUSR1");
            if (output.awaitEnd(STOP_GRACE_MS, TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.debug("sandbox {}: output stream failed while stopping: {}", id, e.getMessage());
        }
        signal(id, "SIGKILL");
    }

    private void signal(String id, String signal) {
        try {
            docker.killContainerCmd(id).withSignal(signal).exec();
        } catch (DockerException e) {
            log.debug("sandbox {} already stopped: {}", id, e.getMessage());
        }
    }

    /** The container's exit code, once it has stopped. */
    int exitCode(String id, long timeoutMs) {
        return docker.waitContainerCmd(id).exec(new WaitContainerResultCallback()).awaitStatusCode(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /** Docker's own OOM flag: unreliable alone, so only a fallback when the init could not report. */
    boolean oomKilledFlag(String id) {
        return Boolean.TRUE.equals(docker.inspectContainerCmd(id).exec().getState().getOOMKilled());
    }

    /**
     * Ends the container's streams and removes it, in the background, once no job is on its way to
     * its result (within 5 s): a used container's init has ended its program and exits by itself,
     * and its removal need not take CPU from the jobs, of a burst or not.
     */
    void discard(LiveContainer container) {
        container.stdin().abandon();
        try {
            container.output().close();
        } catch (IOException e) {
            log.debug("closing the streams of sandbox {}: {}", container.shortId(), e.getMessage());
        }
        remover.execute(() -> {
            try {
                load.awaitRoom(REMOVAL_PATIENCE, MAX_REMOVAL_DELAY);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // shutting down: remove now
            }
            removeNow(container.id());
        });
    }

    /** Removes a container even from an interrupted thread, whose own I/O calls would fail at once. */
    private void removeUninterrupted(String id) {
        boolean interrupted = Thread.interrupted();
        removeNow(id);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void removeNow(String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (RuntimeException e) {
            log.warn("could not remove sandbox {} (the reaper will): {}", id, e.getMessage());
        }
    }

    /** A random token the container's init signs its report with, unknown to the program it runs. */
    private String newToken() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private String create(PoolKey key, String executionId, Duration lifetime, boolean warm) {
        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode("none")                              // no network at all, only loopback
                .withIpcMode("none")                                  // private IPC, no /dev/shm: no writable place beyond /tmp's caps
                .withReadonlyRootfs(true)                             // nothing outside /tmp can be written
                .withTmpFs(Map.of("/tmp", "rw,nosuid,nodev,noexec,size=" + properties.tmpfsSize().toBytes()
                        + ",nr_inodes=" + properties.tmpfsInodes()))  // the only writable place, size- and inode-capped
                .withMemory(key.memoryBytes())                        // memory limit...
                .withMemorySwap(key.memoryBytes())                    // ...with no swap beyond it
                .withNanoCPUs((long) (properties.cpus() * 1_000_000_000L)) // a CPU quota, not the whole host
                .withPidsLimit((long) key.pids())                     // stops fork bombs (per container, unlike nproc)
                .withCapDrop(Capability.ALL)                          // no capability, even for a setuid binary
                .withSecurityOpts(securityOptions())                  // no privilege gain through exec
                .withUlimits(List.of(
                        new Ulimit("fsize", properties.maxFileSize().toBytes(), properties.maxFileSize().toBytes()), // no huge files
                        new Ulimit("nofile", (long) properties.maxOpenFiles(), (long) properties.maxOpenFiles()),  // bounded descriptors
                        new Ulimit("core", 0L, 0L)))                  // no core dumps
                .withLogConfig(new LogConfig(LogConfig.LoggingType.NONE)) // output never lands on the host's disk
                .withInit(false);                                     // the runner's own init is PID 1
        if (!properties.runtime().isBlank()) {
            host.withRuntime(properties.runtime());                   // e.g. gVisor's runsc
        }
        Map<String, String> labels = new HashMap<>(Map.of(
                SandboxLabels.SANDBOX, "true",
                SandboxLabels.EXECUTION, executionId,
                SandboxLabels.WORKER, workerId,
                SandboxLabels.DEADLINE, Long.toString(Instant.now().plus(lifetime).getEpochSecond())));
        if (warm) {
            labels.put(SandboxLabels.POOL, "true");
        }
        CreateContainerCmd create = docker.createContainerCmd(key.image())
                .withHostConfig(host)
                .withUser(properties.user())                          // never root, whatever the image says
                .withEnv(List.of())                                   // nothing of the worker's environment
                .withNetworkDisabled(true)
                .withHostName("sandbox")
                .withWorkingDir("/tmp")
                .withTty(false)                                       // stdout and stderr stay apart
                .withAttachStdin(true).withStdinOpen(true).withStdInOnce(true)
                .withAttachStdout(true).withAttachStderr(true)
                .withLabels(labels);
        if (!key.command().isEmpty()) {
            create.withCmd(key.command());
        }
        try {
            return create.exec().getId();
        } catch (NotFoundException e) {
            throw new SandboxException("Runner image " + key.image() + " is missing on the Docker engine", e);
        } catch (DockerException e) {
            throw new SandboxException("Could not create a sandbox from " + key.image() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new SandboxException("Docker engine unreachable: " + e.getMessage(), e);
        }
    }

    private List<String> securityOptions() {
        List<String> options = new ArrayList<>(List.of("no-new-privileges"));
        if (!properties.seccompProfile().isBlank()) {
            options.add("seccomp=" + properties.seccompProfile());
        }
        return options;
    }
}
