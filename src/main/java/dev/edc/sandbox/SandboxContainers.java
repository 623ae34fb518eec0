package dev.edc.sandbox;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.HostConfig;
import dev.edc.Roles;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Makes, stops and removes locked-down sandbox containers through the Docker engine. */
@Component
@Profile(Roles.WORKER)
class SandboxContainers {

    private static final Logger log = LoggerFactory.getLogger(SandboxContainers.class);
    private static final long ATTACH_TIMEOUT_S = 10;
    private static final Duration STOP_GRACE = Duration.ofMillis(300); // for the init to stop the program and report
    private static final Duration REMOVAL_PATIENCE = Duration.ofSeconds(2);
    private static final Duration MAX_REMOVAL_DELAY = Duration.ofSeconds(5);
    private static final Duration EXIT_PATIENCE = Duration.ofSeconds(2);
    // Each container's compiler and program get uids of their own, far from any real user's:
    // per-uid kernel limits (inotify instances, message queues...) are then per container.
    private static final int FIRST_UID = 1 << 20;
    private static final int UID_PAIRS = 1 << 29;

    private final DockerClient docker;
    private final SandboxLoad load;
    private final Hardening hardening;
    private final Path hostCgroups; // null: each sandbox's init measures its memory
    // Removal is off the result's path: the result is known once the program has ended.
    private final ExecutorService remover = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("sandbox-remover").factory());
    // Tells this worker's containers from other workers' on the same engine.
    private final String workerId = UUID.randomUUID().toString();
    private final SecureRandom random = new SecureRandom();

    SandboxContainers(DockerClient docker, SandboxProperties properties, SandboxLoad load) {
        this.docker = docker;
        this.load = load;
        this.hardening = new Hardening(properties, seccompProfile(properties));
        this.hostCgroups = properties.underGvisor() ? properties.hostCgroups() : null;
        if (hostCgroups != null) {
            HostCgroup.requireMemoryController(hostCgroups);
        }
    }

    private static String seccompProfile(SandboxProperties properties) {
        if (properties.seccompProfile().isBlank()) {
            return null;
        }
        Path file = properties.runnersDir().resolve(properties.seccompProfile());
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot read the sandboxes' seccomp profile " + file.toAbsolutePath()
                            + " (edc.sandbox.seccomp-profile)",
                    e);
        }
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
     * it. Its init then waits on stdin for a job.
     *
     * @param lifetime how long it may exist before the reaper takes it for a leftover
     * @param warm     whether it waits in the pool (labelled so)
     */
    LiveContainer start(SandboxSpec spec, String executionId, Duration lifetime, boolean warm) {
        int uid = FIRST_UID + 2 * random.nextInt(UID_PAIRS);
        HostCgroup cgroup = hostCgroups == null ? null : HostCgroup.next(hostCgroups, random);
        String id = create(spec, executionId, lifetime, warm, uid, cgroup);
        try {
            ContainerInput input = new ContainerInput();
            String name = id.substring(0, Math.min(12, id.length()));
            RunRecorder recorder = new RunRecorder(name, cgroup);
            InitStream stream = new InitStream(name, recorder::frame, recorder::ended);
            docker.attachContainerCmd(id)
                    .withStdIn(input)
                    .withStdOut(true)
                    .withStdErr(true)
                    .withFollowStream(true)
                    .exec(stream);
            if (!stream.awaitStarted(ATTACH_TIMEOUT_S, TimeUnit.SECONDS)) {
                throw new SandboxException("Could not attach to sandbox " + id, null);
            }
            docker.startContainerCmd(id).exec();
            return new LiveContainer(id, spec, input, recorder, stream, Instant.now(), cgroup);
        } catch (InterruptedException e) {
            removeUninterrupted(id, cgroup);
            Thread.currentThread().interrupt();
            throw new SandboxException("Interrupted while starting a sandbox", e);
        } catch (RuntimeException e) {
            removeUninterrupted(id, cgroup);
            throw e instanceof SandboxException se
                    ? se
                    : new SandboxException("Could not start a sandbox from " + spec.image() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stops a run the init did not end in time: SIGUSR1 has the init stop the program and still
     * report; SIGKILL ends the container if that report does not come.
     */
    void stop(LiveContainer container) throws InterruptedException {
        signal(container.id(), "SIGUSR1");
        if (!container.recorder().awaitDone(STOP_GRACE)) {
            signal(container.id(), "SIGKILL");
        }
    }

    /** Kills a container whose init cannot report any more (a gVisor sandbox hung by an OOM kill). */
    void kill(LiveContainer container) {
        signal(container.id(), "SIGKILL");
    }

    /**
     * Whether a container that ended without its init's report was killed for memory: it reached its
     * limit (as its cgroup on the host counted), or the engine saw the kernel's OOM kill. Under gVisor
     * the kernel kills the sandbox itself, init included; under runc only the init's death would
     * lead here.
     */
    boolean diedOfMemory(LiveContainer container) throws InterruptedException {
        if (container.cgroup() != null
                && container.cgroup().peakBytes() >= container.spec().memoryBytes()) {
            return true;
        }
        try (WaitContainerResultCallback exited =
                docker.waitContainerCmd(container.id()).exec(new WaitContainerResultCallback())) {
            exited.awaitCompletion(EXIT_PATIENCE.toMillis(), TimeUnit.MILLISECONDS); // the engine's state settles
            return Boolean.TRUE.equals(
                    docker.inspectContainerCmd(container.id()).exec().getState().getOOMKilled());
        } catch (IOException | DockerException e) {
            log.debug("sandbox {}: could not ask the engine how it ended: {}", container.shortId(), e.getMessage());
            return false;
        }
    }

    private void signal(String id, String signal) {
        try {
            docker.killContainerCmd(id).withSignal(signal).exec();
        } catch (DockerException e) {
            log.debug("sandbox {} already stopped: {}", id, e.getMessage());
        }
    }

    /**
     * Ends the container's streams and removes it, in the background, once no job is on its way to
     * its result (within 5 s). A used container's init has ended its program and waits for its
     * stdin to close before it exits: the engine's work for a stopped container (unmounts, cgroups)
     * then happens with the removal, and neither takes CPU from the jobs, of a burst or not.
     */
    void discard(LiveContainer container) {
        remover.execute(() -> {
            try {
                load.awaitRoom(REMOVAL_PATIENCE, MAX_REMOVAL_DELAY);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // shutting down: remove now
            }
            container.input().end();
            try {
                container.stream().close();
            } catch (IOException e) {
                log.debug("closing the streams of sandbox {}: {}", container.shortId(), e.getMessage());
            }
            removeNow(container.id(), container.cgroup());
        });
    }

    /** Removes a container even from an interrupted thread, whose own I/O calls would fail at once. */
    private void removeUninterrupted(String id, HostCgroup cgroup) {
        boolean interrupted = Thread.interrupted();
        removeNow(id, cgroup);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Removes the container, then its cgroup on the host (which the container's own was inside). */
    private void removeNow(String id, HostCgroup cgroup) {
        removeNow(id);
        if (cgroup != null) {
            cgroup.remove();
        }
    }

    private void removeNow(String id) {
        try {
            docker.removeContainerCmd(id)
                    .withForce(true)
                    .withRemoveVolumes(true)
                    .exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (RuntimeException e) {
            log.warn("could not remove sandbox {} (the reaper will): {}", id, e.getMessage());
        }
    }

    private String create(
            SandboxSpec spec, String executionId, Duration lifetime, boolean warm, int uid, HostCgroup cgroup) {
        Map<String, String> labels = new HashMap<>(Map.of(
                SandboxLabels.SANDBOX,
                "true",
                SandboxLabels.EXECUTION,
                executionId,
                SandboxLabels.WORKER,
                workerId,
                SandboxLabels.DEADLINE,
                Long.toString(Instant.now().plus(lifetime).getEpochSecond())));
        if (warm) {
            labels.put(SandboxLabels.POOL, "true");
        }
        List<String> command = new ArrayList<>(List.of("--uid", Integer.toString(uid)));
        if (!spec.warmRunner().isEmpty()) {
            command.add("--warm");
            command.addAll(spec.warmRunner());
        }
        HostConfig host = hardening.hostConfig(spec, uid);
        if (cgroup != null) {
            host.withCgroupParent(cgroup.parent()); // a cgroup that outlives the container, for its memory figures
        }
        try {
            return docker.createContainerCmd(spec.image())
                    .withHostConfig(host)
                    .withUser("0:0") // the init only: it runs everything else as uid and uid+1
                    .withCmd(command)
                    .withEnv(List.of()) // nothing of the worker's environment
                    .withNetworkDisabled(true)
                    .withHostName("sandbox")
                    .withWorkingDir("/tmp")
                    .withTty(false) // stdout and stderr stay apart
                    .withAttachStdin(true)
                    .withStdinOpen(true)
                    .withStdInOnce(true)
                    .withAttachStdout(true)
                    .withAttachStderr(true)
                    .withLabels(labels)
                    // What `docker stop` and a stopping engine send. Not SIGTERM: the init takes it
                    // for the worker's stop and reports the run as cancelled, blaming the program for
                    // an engine restart; killed, the sandbox ends without a report, which the worker
                    // takes for the engine's fault (the job waits and is tried again).
                    .withStopSignal("SIGKILL")
                    .exec()
                    .getId();
        } catch (NotFoundException e) {
            throw SandboxException.imageMissing(spec.image(), e);
        } catch (DockerException e) {
            throw new SandboxException("Could not create a sandbox from " + spec.image() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw SandboxException.engineUnreachable("Docker engine unreachable: " + e.getMessage(), e);
        }
    }
}
