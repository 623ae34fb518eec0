package dev.edc.sandbox;

import dev.edc.Roles;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Containers started ahead of demand, their init (and warm runner, if the spec has one) waiting
 * for a job, so that a job pays neither container creation nor runtime start. Each serves exactly
 * one job and is then destroyed like any other sandbox: a job never sees what another touched.
 * Which specs may be kept warm, and at least how many, is told by whoever knows the languages
 * ({@link #keep}); how many beyond that follows demand ({@link PoolKind}). Refilled in the
 * background, within a memory budget; a spec nobody used for a while keeps none.
 */
@Component
@Profile(Roles.WORKER)
class WarmPool {

    private static final Logger log = LoggerFactory.getLogger(WarmPool.class);
    private static final Duration LABEL_GRACE = Duration.ofMinutes(10);
    private static final Duration PATIENCE = Duration.ofSeconds(2);
    private static final Duration NO_LIMIT = Duration.ofDays(1);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);
    private static final Duration WARM_UP_WAIT = Duration.ofSeconds(10);
    private static final Duration WARM_UP_POLL = Duration.ofMillis(100);

    private final SandboxContainers containers;
    private final PoolProperties properties;
    private final SandboxLoad load;
    private final Map<SandboxSpec, PoolKind> kinds = new ConcurrentHashMap<>();
    private final Map<SandboxSpec, Long> footprints =
            new ConcurrentHashMap<>(); // the last idle memory measured, per kind
    private final AtomicBoolean filling = new AtomicBoolean();
    private volatile boolean open;
    // One container started at a time: refilling must not starve the jobs running on this host.
    private final ExecutorService filler = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("warm-pool").factory());

    private final TaskScheduler scheduler;
    private final RunnerImages images;

    WarmPool(
            SandboxContainers containers,
            PoolProperties properties,
            SandboxLoad load,
            TaskScheduler scheduler,
            RunnerImages images) {
        this.containers = containers;
        this.properties = properties;
        this.load = load;
        this.scheduler = scheduler;
        this.images = images;
    }

    /**
     * Lets the pool keep containers of this spec: at least {@code floor} (adding to what was
     * asked for it before) while its jobs come, more when they come in bursts. Jobs of specs never
     * kept get a container made for them.
     */
    void keep(SandboxSpec spec, int floor) {
        kinds.computeIfAbsent(spec, s -> new PoolKind(s, properties, Instant.now()))
                .raiseFloor(floor);
        refill();
    }

    /** A warm container of this spec, if one is waiting; it is the caller's to use once and discard. */
    Optional<LiveContainer> take(SandboxSpec key) {
        PoolKind kind = kinds.get(key);
        if (!open || kind == null) {
            return Optional.empty();
        }
        kind.asked(Instant.now());
        kind.idle().removeIf(container -> {
            boolean dead = container.recorder().hasEnded();
            if (dead) {
                containers.discard(container); // died while waiting
            }
            return dead;
        });
        Optional<LiveContainer> container = kind.poll();
        refill();
        return container;
    }

    /**
     * Containers waiting now (and how many of them are ready), the memory they use, and the sum
     * of their memory limits.
     */
    PoolSize size() {
        int count = 0;
        int ready = 0;
        long memory = 0;
        long limits = 0;
        for (PoolKind kind : kinds.values()) {
            for (LiveContainer container : kind.idle()) {
                count++;
                ready += container.recorder().isReady() ? 1 : 0;
                memory += footprint(container);
                limits += kind.spec().memoryBytes();
            }
        }
        return new PoolSize(count, ready, memory, limits);
    }

    /** How many containers the pool wants now, all specs together. */
    int target() {
        Instant now = Instant.now();
        return kinds.values().stream().mapToInt(kind -> kind.target(now)).sum();
    }

    /** An idle container's memory: as its runner measured it when ready, else as the last one of its kind measured, else its limit. */
    private long footprint(LiveContainer container) {
        long measured = container.recorder().readyMemoryBytes();
        if (measured >= 0) {
            footprints.put(container.spec(), measured);
            return measured;
        }
        return estimate(container.spec());
    }

    private long estimate(SandboxSpec key) {
        return footprints.getOrDefault(key, key.memoryBytes());
    }

    @EventListener(ApplicationReadyEvent.class)
    void open() {
        if (!properties.enabled()) {
            log.info("warm pool: off");
            return;
        }
        open = true;
        Instant now = Instant.now();
        kinds.values().forEach(kind -> kind.touch(now));
        log.info(
                "warm pool: filling {} (then as demand asks, at most {} of a kind; memory budget {})",
                describeFloors(),
                properties.maxSize(),
                properties.memoryBudget());
        scheduler.scheduleWithFixedDelay(this::maintain, properties.maintainInterval());
        refill();
    }

    /** Retires old containers and those beyond what each spec wants now, refills the others. */
    void maintain() {
        if (!open) {
            return;
        }
        Instant now = Instant.now();
        for (PoolKind kind : kinds.values()) {
            int excess = kind.idle().size() - kind.target(now);
            // the oldest first: they are the nearest to their age limit
            for (LiveContainer container : kind.idle()) {
                boolean retire = excess > 0
                        || container.startedAt().plus(properties.maxAge()).isBefore(now)
                        || container.recorder().hasEnded();
                if (retire && kind.idle().remove(container)) {
                    excess--;
                    containers.discard(container);
                }
            }
        }
        refill();
    }

    @PreDestroy
    void close() {
        open = false;
        filler.shutdown();
        try {
            // A container the filler is starting now lands in the pool (an interrupt would break
            // the engine's connection mid-call): let it, then discard it with the rest.
            if (!filler.awaitTermination(CLOSE_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                filler.shutdownNow();
            }
        } catch (InterruptedException e) {
            filler.shutdownNow();
            Thread.currentThread().interrupt();
        }
        kinds.values().forEach(kind -> {
            LiveContainer container;
            while ((container = kind.idle().pollFirst()) != null) {
                containers.discard(container);
            }
        });
    }

    private void refill() {
        if (open && filling.compareAndSet(false, true)) {
            filler.execute(() -> {
                try {
                    fillMissing();
                } finally {
                    filling.set(false);
                }
            });
        }
    }

    private void fillMissing() {
        for (PoolKind kind = nextWanted(); kind != null; kind = nextWanted()) {
            try {
                // Not while a job is on its way to its result, and not at all while every slot is
                // busy: then a refill would only take CPU from the jobs, and jobs that find the
                // pool empty start their own containers, as they would without it.
                load.awaitRoom(PATIENCE, NO_LIMIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (!open) {
                return;
            }
            SandboxSpec spec = kind.spec();
            try {
                LiveContainer container =
                        containers.start(spec, "pool", properties.maxAge().plus(LABEL_GRACE), true);
                kind.idle().addLast(container);
                if (!open && kind.idle().remove(container)) { // closed while it started
                    containers.discard(container);
                    return;
                }
                // One runner warming up at a time: a JVM's warm-up takes 2-3 CPU-seconds, and
                // twenty at once would hold the CPU for half a minute with none ready before the
                // end; one after the other, each is ready (and counted) as soon as it can be.
                awaitWarmUp(container);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SandboxException e) {
                log.warn("warm pool: could not start a container for {}: {}", spec.image(), e.getMessage());
                if (e.kind() == SandboxException.Kind.IMAGE_MISSING) {
                    images.rebuild(spec.image()); // its pool waits for it (nextWanted skips it meanwhile)
                }
                return;
            }
        }
    }

    /** Until the container's runner waits for its job, at most {@link #WARM_UP_WAIT}; no longer once the pool closes. */
    private void awaitWarmUp(LiveContainer container) throws InterruptedException {
        long deadline = System.nanoTime() + WARM_UP_WAIT.toNanos();
        while (open && System.nanoTime() < deadline && !container.recorder().awaitReady(WARM_UP_POLL)) {
            // polled, so that closing the pool does not wait for a warm-up
        }
    }

    /**
     * The kind of container to start next: of the specs below what they want now, the emptiest,
     * if one more fits the memory budget. Chosen one at a time, so that each choice counts the
     * memory the containers started before it were measured to use.
     */
    private PoolKind nextWanted() {
        if (!open) {
            return null;
        }
        Instant now = Instant.now();
        long room = properties.memoryBudget().toBytes() - size().memoryBytes();
        PoolKind wanted = null;
        double lowestFill = 1;
        for (PoolKind kind : kinds.values()) {
            int target = kind.target(now);
            double fill = target == 0 ? 1 : (double) kind.idle().size() / target;
            SandboxSpec spec = kind.spec();
            if (fill < lowestFill && estimate(spec) <= room && !images.isRebuilding(spec.image())) {
                wanted = kind;
                lowestFill = fill;
            }
        }
        return wanted;
    }

    private String describeFloors() {
        return kinds.values().stream()
                .filter(kind -> kind.target(Instant.now()) > 0)
                .map(kind -> kind.target(Instant.now()) + " × " + kind.spec().image())
                .toList()
                .toString();
    }

    record PoolSize(int containers, int ready, long memoryBytes, long memoryLimitBytes) {}
}
