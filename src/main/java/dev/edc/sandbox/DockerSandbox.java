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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The Docker sandbox: one fresh container per run, locked down, fed through its stdin, killed at
 * its deadline and removed afterwards.
 */
@Component
@Profile(Roles.WORKER)
class DockerSandbox implements Sandbox {

    private static final Logger log = LoggerFactory.getLogger(DockerSandbox.class);
    private static final long DRAIN_MS = 5_000;
    private static final long STOP_GRACE_MS = 300; // for the init to kill the program and report after SIGUSR1
    private static final Duration REAP_GRACE = Duration.ofSeconds(30);

    private final DockerClient docker;
    private final SandboxProperties properties;
    // Removal is off the result's path: the result is known once the container has stopped.
    private final ExecutorService remover = Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());

    DockerSandbox(DockerClient docker, SandboxProperties properties) {
        this.docker = docker;
        this.properties = properties;
    }

    @Override
    public SandboxOutcome run(SandboxSpec spec, SandboxInput input) {
        String id = create(spec);
        try {
            return runIn(id, spec, input);
        } catch (DockerException | IllegalStateException e) {
            throw new SandboxException("Sandbox " + shortId(id) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("Interrupted while running sandbox " + shortId(id), e);
        } finally {
            remover.execute(() -> remove(id));
        }
    }

    private SandboxOutcome runIn(String id, SandboxSpec spec, SandboxInput input) throws InterruptedException {
        // The cap is passed on the attach thread, which must go on reading for the trailer to arrive.
        OutputCollector output = new OutputCollector(spec.outputBytes(),
                collector -> Thread.ofVirtual().start(() -> stop(id, collector)));
        // Attach before start, or early output is lost.
        docker.attachContainerCmd(id)
                .withStdIn(new ByteArrayInputStream(input.payload()))
                .withStdOut(true).withStdErr(true).withFollowStream(true)
                .exec(output);
        try (output) {
            output.awaitStarted(10, TimeUnit.SECONDS);
            docker.startContainerCmd(id).exec();

            boolean timedOut = !output.awaitHeader(properties.compileTimeout().toMillis());
            if (!timedOut && output.started()) {
                long remainingMs = spec.timeLimit().toMillis() - (System.nanoTime() - output.programStartNanos()) / 1_000_000;
                timedOut = !output.awaitEnd(Math.max(remainingMs, 0), TimeUnit.MILLISECONDS);
            }
            if (timedOut) {
                stop(id, output);
            }
            output.awaitEnd(DRAIN_MS, TimeUnit.MILLISECONDS);
            int exitCode = exitCode(id);
            OutputCollector.Output result = output.output();
            OutputCollector.Trailer trailer = result.trailer();
            boolean oom = trailer != null ? trailer.oomKills() > 0 : exitCode == 137 && !timedOut && oomKilledFlag(id);
            Long peak = trailer != null && trailer.peakBytes() >= 0 ? trailer.peakBytes() : null;
            return new SandboxOutcome(output.reported(), output.started(), output.compileOutput(), exitCode, result.stdout(), result.stderr(),
                    timedOut, result.cut(), oom, peak, Duration.ofNanos(output.runNanos()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String create(SandboxSpec spec) {
        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode("none")                              // no network at all, only loopback
                .withIpcMode("none")                                  // private IPC, no /dev/shm: no writable place beyond /tmp's caps
                .withReadonlyRootfs(true)                             // nothing outside /tmp can be written
                .withTmpFs(Map.of("/tmp", "rw,nosuid,nodev,noexec,size=" + properties.tmpfsSize().toBytes()
                        + ",nr_inodes=" + properties.tmpfsInodes()))  // the only writable place, size- and inode-capped
                .withMemory(spec.memoryBytes())                       // memory limit...
                .withMemorySwap(spec.memoryBytes())                   // ...with no swap beyond it
                .withNanoCPUs((long) (properties.cpus() * 1_000_000_000L)) // a CPU quota, not the whole host
                .withPidsLimit((long) spec.pids())                    // stops fork bombs (per container, unlike nproc)
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
        long deadline = Instant.now().plus(properties.compileTimeout()).plus(spec.timeLimit()).plus(REAP_GRACE).getEpochSecond();
        CreateContainerCmd create = docker.createContainerCmd(spec.image())
                .withHostConfig(host)
                .withUser(properties.user())                          // never root, whatever the image says
                .withEnv(List.of())                                   // nothing of the worker's environment
                .withNetworkDisabled(true)
                .withHostName("sandbox")
                .withWorkingDir("/tmp")
                .withTty(false)                                       // stdout and stderr stay apart
                .withAttachStdin(true).withStdinOpen(true).withStdInOnce(true)
                .withAttachStdout(true).withAttachStderr(true)
                .withLabels(Map.of(
                        SandboxLabels.SANDBOX, "true",
                        SandboxLabels.EXECUTION, spec.executionId(),
                        SandboxLabels.DEADLINE, Long.toString(deadline)));
        if (!spec.command().isEmpty()) {
            create.withCmd(spec.command());
        }
        try {
            return create.exec().getId();
        } catch (NotFoundException e) {
            throw new SandboxException("Runner image " + spec.image() + " is missing on the Docker engine", e);
        } catch (DockerException e) {
            throw new SandboxException("Could not create a sandbox from " + spec.image() + ": " + e.getMessage(), e);
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

    private int exitCode(String id) {
        return docker.waitContainerCmd(id).exec(new WaitContainerResultCallback())
                .awaitStatusCode(DRAIN_MS, TimeUnit.MILLISECONDS);
    }

    private boolean oomKilledFlag(String id) {
        Boolean flag = docker.inspectContainerCmd(id).exec().getState().getOOMKilled();
        return Boolean.TRUE.equals(flag);
    }

    /**
     * Ends a run at a limit. SIGUSR1 has the runner's init kill every process of the program and
     * still report its peak memory; SIGKILL ends the container if that report does not come in time.
     */
    private void stop(String id, OutputCollector output) {
        try {
            signal(id, "SIGUSR1");
            if (output.awaitEnd(STOP_GRACE_MS, TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.debug("sandbox {}: output stream failed while stopping: {}", shortId(id), e.getMessage());
        }
        signal(id, "SIGKILL");
    }

    private void signal(String id, String signal) {
        try {
            docker.killContainerCmd(id).withSignal(signal).exec();
        } catch (DockerException e) {
            log.debug("sandbox {} already stopped: {}", shortId(id), e.getMessage());
        }
    }

    private void remove(String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (RuntimeException e) {
            log.warn("could not remove sandbox {} (the reaper will): {}", shortId(id), e.getMessage());
        }
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
