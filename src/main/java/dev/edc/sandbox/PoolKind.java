package dev.edc.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The warm containers of one spec, and how many of them the pool wants: at least the floor it
 * was configured with, as many as the busiest recent moment took ({@link PoolDemand}), at most
 * {@code maxSize}; none once the spec saw no job for the idle period.
 */
final class PoolKind {

    private final SandboxSpec spec;
    private final PoolDemand demand;
    private final Duration idleAfter;
    private final int maxSize;
    private final boolean followDemand;
    private final ConcurrentLinkedDeque<LiveContainer> idle = new ConcurrentLinkedDeque<>();
    private volatile int floor;
    private volatile Instant lastAsked;

    PoolKind(SandboxSpec spec, PoolProperties properties, Instant now) {
        this.spec = spec;
        this.demand = new PoolDemand(properties.demandWindow(), properties.idleAfter());
        this.idleAfter = properties.idleAfter();
        this.maxSize = properties.maxSize();
        this.followDemand = properties.followDemand();
        this.lastAsked = now;
    }

    SandboxSpec spec() {
        return spec;
    }

    void raiseFloor(int more) {
        floor += more;
    }

    /** Counts as demand from now on (the pool opened: its floors fill once). */
    void touch(Instant now) {
        lastAsked = now;
    }

    /** A job asked for a container of this spec. */
    synchronized void asked(Instant now) {
        lastAsked = now;
        demand.asked(now);
    }

    /** How many containers of this spec the pool wants now. */
    synchronized int target(Instant now) {
        if (!inDemand(now)) {
            return 0;
        }
        return followDemand ? Math.min(maxSize, Math.max(floor, demand.peak(now))) : floor;
    }

    /** Whether a job asked within the idle period: else the pool keeps none of this spec. */
    boolean inDemand(Instant now) {
        return !lastAsked.plus(idleAfter).isBefore(now);
    }

    ConcurrentLinkedDeque<LiveContainer> idle() {
        return idle;
    }

    /** A ready container (its runner warmed up), if one is waiting. */
    Optional<LiveContainer> poll() {
        // only a ready one: a runner still warming up (a JVM training javac for ~2 s) would make
        // the job wait longer than a cold container does
        return idle.stream().filter(c -> c.recorder().isReady()).findFirst().filter(idle::remove);
    }
}
