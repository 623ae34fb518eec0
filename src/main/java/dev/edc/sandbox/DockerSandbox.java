package dev.edc.sandbox;

import com.github.dockerjava.api.exception.DockerException;
import dev.edc.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The Docker sandbox: every run gets a container no other run touched — a warm one from the pool
 * when one with the same limits waits, else one made now — fed through its stdin, killed at its
 * deadline and removed afterwards.
 */
@Component
@Profile(Roles.WORKER)
class DockerSandbox implements Sandbox {

    private static final Logger log = LoggerFactory.getLogger(DockerSandbox.class);
    private static final long DRAIN_MS = 5_000;
    private static final Duration LABEL_GRACE = Duration.ofSeconds(30);

    private final SandboxContainers containers;
    private final WarmPool pool;
    private final SandboxProperties properties;

    DockerSandbox(SandboxContainers containers, WarmPool pool, SandboxProperties properties) {
        this.containers = containers;
        this.pool = pool;
        this.properties = properties;
    }

    @Override
    public SandboxOutcome run(SandboxSpec spec, SandboxInput input) {
        PoolKey key = PoolKey.of(spec);
        LiveContainer container = pool.take(key).orElse(null);
        if (container != null) {
            log.debug("sandbox {}: warm, {}", container.shortId(), container.output().ready() ? "ready" : "still warming up");
        } else {
            container = containers.start(key, spec.executionId(), properties.compileTimeout().plus(spec.timeLimit()).plus(LABEL_GRACE), false);
            log.debug("sandbox {}: started for this job", container.shortId());
        }
        try {
            return drive(container, spec, input);
        } catch (DockerException e) {
            throw new SandboxException("Sandbox " + container.shortId() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("Interrupted while running sandbox " + container.shortId(), e);
        } finally {
            containers.discard(container);
        }
    }

    private SandboxOutcome drive(LiveContainer container, SandboxSpec spec, SandboxInput input) throws InterruptedException {
        OutputCollector output = container.output();
        output.limitTo(spec.outputBytes());
        long givenNanos = System.nanoTime();
        container.stdin().give(input.payload());

        boolean timedOut = !output.awaitHeader(properties.compileTimeout().toMillis());
        if (!timedOut && output.started()) {
            long elapsedMs = (System.nanoTime() - output.programStartNanos()) / 1_000_000;
            timedOut = !output.awaitEnd(Math.max(spec.timeLimit().toMillis() - elapsedMs, 0), TimeUnit.MILLISECONDS);
        }
        if (timedOut) {
            containers.stop(container.id(), output);
        }
        output.awaitEnd(DRAIN_MS, TimeUnit.MILLISECONDS);
        OutputCollector.Output result = output.output();
        OutputCollector.Trailer trailer = result.trailer();
        // The init's trailer carries the exit code; without it (killed), ask the engine.
        int exitCode = trailer != null ? trailer.exitCode() : containers.exitCode(container.id(), DRAIN_MS);
        boolean oom = trailer != null ? trailer.oomKills() > 0 : exitCode == 137 && !timedOut && containers.oomKilledFlag(container.id());
        Long peak = trailer != null && trailer.peakBytes() >= 0 ? trailer.peakBytes() : null;
        return new SandboxOutcome(output.reported(), output.started(), output.compileOutput(), exitCode,
                result.stdout(), result.stderr(), timedOut, result.cut(), oom, peak,
                output.started() ? Duration.ofNanos(output.programStartNanos() - givenNanos) : Duration.ZERO,
                Duration.ofNanos(output.runNanos()));
    }
}
