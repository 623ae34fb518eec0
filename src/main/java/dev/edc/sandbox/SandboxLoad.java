package dev.edc.sandbox;

import dev.edc.Roles;
import dev.edc.queue.WorkerProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How busy this worker's job slots are, so that background work (refilling the pool, removing
 * used containers) waits while every slot is taken: in a burst the CPU goes to the jobs, and the
 * pool refills once the burst is over. Under a lighter load it does not wait.
 */
@Component
@Profile(Roles.WORKER)
class SandboxLoad {

    // Below saturation this long, the burst is over: between two jobs of a burst a slot is free
    // only for the moment the next job takes to arrive.
    private static final long CALM_NANOS = Duration.ofMillis(250).toNanos();
    private static final long POLL_MS = 25;

    private final int slots;
    private final AtomicInteger running = new AtomicInteger();
    private volatile long saturatedAt = System.nanoTime() - CALM_NANOS;

    SandboxLoad(WorkerProperties worker) {
        this.slots = worker.concurrency();
    }

    void started() {
        if (running.incrementAndGet() >= slots) {
            saturatedAt = System.nanoTime();
        }
    }

    void finished() {
        if (running.getAndDecrement() >= slots) {
            saturatedAt = System.nanoTime();
        }
    }

    /** Whether every slot is taken, or was a moment ago. */
    boolean saturated() {
        return running.get() >= slots || System.nanoTime() - saturatedAt < CALM_NANOS;
    }

    /** Waits until the slots are no longer saturated, or at most {@code max}. */
    void awaitCalm(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (saturated() && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MS);
        }
    }
}
