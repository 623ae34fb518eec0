package dev.edc.sandbox;

import dev.edc.Roles;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The Docker sandbox: every run gets a container no other run touched (a warm one from the pool
 * when one of the same spec waits, else one made now), is given its job through the container's
 * stdin, ends on its init's report (or is stopped at its bound) and the container is removed.
 */
@Component
@Profile(Roles.WORKER)
class DockerSandbox implements Sandbox {

    private static final Logger log = LoggerFactory.getLogger(DockerSandbox.class);
    private static final Duration DRAIN = Duration.ofSeconds(5);
    private static final Duration LABEL_GRACE = Duration.ofSeconds(30);
    private static final Duration OOM_POLL = Duration.ofMillis(50);

    private final SandboxContainers containers;
    private final WarmPool pool;
    private final EngineWatch engine;
    private final RunnerImages images;

    DockerSandbox(SandboxContainers containers, WarmPool pool, EngineWatch engine, RunnerImages images) {
        this.containers = containers;
        this.pool = pool;
        this.engine = engine;
        this.images = images;
    }

    @Override
    public boolean engineReachable() {
        return engine.checkNow();
    }

    @Override
    public void rebuild(String image) {
        images.rebuild(image);
    }

    @Override
    public void keepWarm(SandboxSpec spec, int floor) {
        pool.keep(spec, floor);
    }

    @Override
    public int warmContainers() {
        return pool.size().containers();
    }

    @Override
    public SandboxRun start(SandboxSpec spec, SandboxJob job, RunListener listener) {
        LiveContainer container = pool.take(spec).orElse(null);
        if (container != null) {
            log.debug(
                    "sandbox {}: warm, {}",
                    container.shortId(),
                    container.recorder().isReady() ? "ready" : "still warming up");
        } else {
            container = containers.start(spec, job.executionId(), job.bound().plus(LABEL_GRACE), false);
            log.debug("sandbox {}: started for this job", container.shortId());
        }
        container.recorder().prepare(job, listener);
        long oomKillsBefore =
                container.cgroup() == null ? -1 : container.cgroup().oomKills();
        container.input().give(Payload.of(job));
        return new DockerRun(container, job, oomKillsBefore);
    }

    private final class DockerRun implements SandboxRun {

        private final LiveContainer container;
        private final SandboxJob job;
        private final long oomKillsBefore; // the host's count for this sandbox, -1 when the init counts

        DockerRun(LiveContainer container, SandboxJob job, long oomKillsBefore) {
            this.container = container;
            this.job = job;
            this.oomKillsBefore = oomKillsBefore;
        }

        @Override
        public void send(byte[] input) {
            container.input().give(Payload.input(input));
        }

        @Override
        public void endInput() {
            container.input().give(Payload.endOfInput());
        }

        @Override
        public void stop() {
            container.input().give(Payload.stop());
        }

        @Override
        public SandboxOutcome await() {
            try {
                RunRecorder recorder = container.recorder();
                RunRecorder.Cut cut = awaitReport(recorder);
                if (cut == RunRecorder.Cut.DEADLINE) {
                    log.warn(
                            "sandbox {}: no report within {}: stopped by the worker", container.shortId(), job.bound());
                    containers.stop(container);
                } else if (cut == RunRecorder.Cut.MEMORY) {
                    log.debug(
                            "sandbox {}: the kernel killed in it for memory: ended by the worker", container.shortId());
                    containers.kill(container);
                }
                recorder.awaitDone(DRAIN);
                if (cut == RunRecorder.Cut.NONE && !recorder.reported() && containers.diedOfMemory(container)) {
                    log.debug("sandbox {}: killed for memory before its report", container.shortId());
                    cut = RunRecorder.Cut.MEMORY;
                }
                return recorder.outcome(cut);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SandboxException("Interrupted while running sandbox " + container.shortId(), e);
            } finally {
                containers.discard(container);
            }
        }

        /**
         * Waits for the init's report within the job's bound. Where the host counts the sandbox's
         * OOM kills (gVisor), one ends the wait: under gVisor's systrap platform the kernel kills a
         * stub process of gVisor's and the program's task hangs, its report never coming.
         */
        private RunRecorder.Cut awaitReport(RunRecorder recorder) throws InterruptedException {
            if (oomKillsBefore < 0) {
                return recorder.awaitDone(job.bound()) ? RunRecorder.Cut.NONE : RunRecorder.Cut.DEADLINE;
            }
            long deadline = System.nanoTime() + job.bound().toNanos();
            for (; ; ) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return RunRecorder.Cut.DEADLINE;
                }
                if (recorder.awaitDone(Duration.ofNanos(Math.min(left, OOM_POLL.toNanos())))) {
                    return RunRecorder.Cut.NONE;
                }
                if (container.cgroup().oomKills() > oomKillsBefore) {
                    return RunRecorder.Cut.MEMORY;
                }
            }
        }
    }
}
