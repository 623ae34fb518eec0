package dev.edc.worker;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a worker takes jobs: {@code edc.worker.*}.
 *
 * @param concurrency     jobs one worker runs at once (one consumer each, prefetch 1)
 * @param shutdownTimeout how long a stopping worker lets its running jobs finish; a job still running
 *                        after it goes back to the queue and runs elsewhere. Keep it above the longest
 *                        job (time limit + compilation + container start) and below
 *                        {@code spring.lifecycle.timeout-per-shutdown-phase}
 * @param retryDelay      how long a job waits before it is tried again (after a sandbox failure, or
 *                        while the result store is unavailable)
 */
@Validated
@ConfigurationProperties("edc.worker")
public record WorkerProperties(
        @DefaultValue("2") @Positive int concurrency,
        @DefaultValue("45s") Duration shutdownTimeout,
        @DefaultValue("2s") Duration retryDelay) {}
