package dev.edc.sandbox;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The jobs in progress on this worker, from the moment one is taken to its announced result, so
 * that background work (refilling the pool, removing used containers) keeps off their way: it
 * waits for a quiet moment (no job in progress, none ended just now), or for a while and then only
 * while every slot is busy. A job's own path (payload, program, result) then has the CPU, a burst
 * spends it on its jobs, and jobs run one right after the other (a person pressing Run again, a
 * grader's series) do not meet the previous job's clean-up: the pool refills once they pause.
 */
public class SandboxLoad {

    // Below saturation this long, the burst is over: between two jobs of a burst a slot is free
    // only for the moment the next job takes to arrive.
    private static final long CALM_NANOS = Duration.ofMillis(250).toNanos();
    private static final long POLL_MS = 10;
    // Between one job's result and the next job of a series (its client's round trip) there is
    // no job in progress for a few tens of milliseconds: not yet a quiet moment.
    static final Duration QUIET = Duration.ofMillis(150);

    private final int slots;
    private final AtomicInteger running = new AtomicInteger();
    private volatile long saturatedAt = System.nanoTime() - CALM_NANOS;
    private volatile long finishedAt = System.nanoTime() - QUIET.toNanos();

    /** @param slots jobs the worker runs at once */
    public SandboxLoad(int slots) {
        this.slots = slots;
    }

    public void started() {
        if (running.incrementAndGet() >= slots) {
            saturatedAt = System.nanoTime();
        }
    }

    public void finished() {
        finishedAt = System.nanoTime();
        if (running.getAndDecrement() >= slots) {
            saturatedAt = System.nanoTime();
        }
    }

    /** Jobs in progress now. */
    public int running() {
        return running.get();
    }

    /** Whether every slot is taken, or was a moment ago. */
    private boolean saturated() {
        return running.get() >= slots || System.nanoTime() - saturatedAt < CALM_NANOS;
    }

    /** No job in progress, and none ended within {@link #QUIET}. */
    private boolean quiet() {
        return running.get() == 0 && System.nanoTime() - finishedAt >= QUIET.toNanos();
    }

    /**
     * Waits for a quiet moment; after {@code patience}, only until not every slot is busy; after
     * {@code max}, not at all.
     */
    void awaitRoom(Duration patience, Duration max) throws InterruptedException {
        long start = System.nanoTime();
        for (; ; ) {
            long waited = System.nanoTime() - start;
            boolean busy = waited < patience.toNanos() ? !quiet() : saturated();
            if (!busy || waited >= max.toNanos()) {
                return;
            }
            Thread.sleep(POLL_MS);
        }
    }
}
