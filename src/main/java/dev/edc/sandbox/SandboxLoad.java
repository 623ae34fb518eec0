package dev.edc.sandbox;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The jobs in progress on this worker, from the moment one is taken to its announced result, so
 * that background work (refilling the pool, removing used containers) keeps off their way: it
 * waits until no job is in progress, or for a while and then only while every slot is busy. A
 * job's own path (payload, program, result) then has the CPU, and a burst spends it on its jobs:
 * the pool refills once the burst is over.
 */
public class SandboxLoad {

    // Below saturation this long, the burst is over: between two jobs of a burst a slot is free
    // only for the moment the next job takes to arrive.
    private static final long CALM_NANOS = Duration.ofMillis(250).toNanos();
    private static final long POLL_MS = 10;

    private final int slots;
    private final AtomicInteger running = new AtomicInteger();
    private volatile long saturatedAt = System.nanoTime() - CALM_NANOS;

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

    /**
     * Waits until no job is in progress; after {@code patience}, only until not every slot is
     * busy; after {@code max}, not at all.
     */
    void awaitRoom(Duration patience, Duration max) throws InterruptedException {
        long start = System.nanoTime();
        for (; ; ) {
            long waited = System.nanoTime() - start;
            boolean busy = waited < patience.toNanos() ? running.get() > 0 : saturated();
            if (!busy || waited >= max.toNanos()) {
                return;
            }
            Thread.sleep(POLL_MS);
        }
    }
}
