package dev.edc.sandbox;

import dev.edc.Roles;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
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
 * Which specs to keep warm, and how many, is told by whoever knows the languages
 * ({@link #keep}). Refilled in the background; a pool nobody used for a while shrinks to nothing.
 */
@Component
@Profile(Roles.WORKER)
class WarmPool {

    private static final Logger log = LoggerFactory.getLogger(WarmPool.class);
    private static final Duration LABEL_GRACE = Duration.ofMinutes(10);
    private static final Duration PATIENCE = Duration.ofSeconds(2);
    private static final Duration NO_LIMIT = Duration.ofDays(1);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final SandboxContainers containers;
    private final PoolProperties properties;
    private final SandboxLoad load;
    private final Map<SandboxSpec, Integer> targets = new ConcurrentHashMap<>();
    private final Map<SandboxSpec, ConcurrentLinkedDeque<LiveContainer>> idle = new ConcurrentHashMap<>();
    private final Map<SandboxSpec, Instant> lastDemand = new ConcurrentHashMap<>();
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
     * Keeps up to {@code size} containers of this spec warm (adding to what was asked for it
     * before); jobs of other specs get a container made for them.
     */
    void keep(SandboxSpec spec, int size) {
        if (size > 0) {
            targets.merge(spec, size, Integer::sum);
            lastDemand.put(spec, Instant.now());
            refill();
        }
    }

    /** A warm container of this spec, if one is waiting; it is the caller's to use once and discard. */
    Optional<LiveContainer> take(SandboxSpec key) {
        if (!open || !targets.containsKey(key)) {
            return Optional.empty();
        }
        lastDemand.put(key, Instant.now());
        ConcurrentLinkedDeque<LiveContainer> waiting = idle.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>());
        waiting.removeIf(container -> {
            boolean dead = container.recorder().hasEnded();
            if (dead) {
                containers.discard(container); // died while waiting
            }
            return dead;
        });
        // A ready one (warmed up) first; else the oldest, which is the nearest to ready.
        LiveContainer container = waiting.stream()
                .filter(c -> c.recorder().isReady())
                .findFirst()
                .or(() -> Optional.ofNullable(waiting.peekFirst()))
                .filter(waiting::remove)
                .orElse(null);
        refill();
        return Optional.ofNullable(container);
    }

    /** Containers waiting now, the memory they use, and the sum of their memory limits. */
    PoolSize size() {
        int count = 0;
        long memory = 0;
        long limits = 0;
        for (var entry : idle.entrySet()) {
            for (LiveContainer container : entry.getValue()) {
                count++;
                memory += footprint(container);
                limits += entry.getKey().memoryBytes();
            }
        }
        return new PoolSize(count, memory, limits);
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
        targets.keySet().forEach(key -> lastDemand.put(key, Instant.now()));
        log.info("warm pool: filling {} (memory budget {})", describeTargets(), properties.memoryBudget());
        scheduler.scheduleWithFixedDelay(this::maintain, properties.maintainInterval());
        refill();
    }

    /** Retires old containers, shrinks pools nobody uses, refills the others. */
    void maintain() {
        if (!open) {
            return;
        }
        Instant now = Instant.now();
        for (var entry : idle.entrySet()) {
            boolean unused = !inDemand(entry.getKey(), now);
            entry.getValue().removeIf(container -> {
                boolean retire = unused
                        || container.startedAt().plus(properties.maxAge()).isBefore(now)
                        || container.recorder().hasEnded();
                if (retire) {
                    containers.discard(container);
                }
                return retire;
            });
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
        idle.values().forEach(waiting -> {
            LiveContainer container;
            while ((container = waiting.pollFirst()) != null) {
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
        for (SandboxSpec key = nextWanted(); key != null; key = nextWanted()) {
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
            try {
                LiveContainer container =
                        containers.start(key, "pool", properties.maxAge().plus(LABEL_GRACE), true);
                ConcurrentLinkedDeque<LiveContainer> waiting =
                        idle.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>());
                waiting.addLast(container);
                if (!open && waiting.remove(container)) { // closed while it started
                    containers.discard(container);
                    return;
                }
            } catch (SandboxException e) {
                log.warn("warm pool: could not start a container for {}: {}", key.image(), e.getMessage());
                if (e.kind() == SandboxException.Kind.IMAGE_MISSING) {
                    images.rebuild(key.image()); // its pool waits for it (nextWanted skips it meanwhile)
                }
                return;
            }
        }
    }

    /**
     * The kind of container to start next: of the languages in demand below their pool size, the
     * emptiest, if one more fits the memory budget. Chosen one at a time, so that each choice
     * counts the memory the containers started before it were measured to use.
     */
    private SandboxSpec nextWanted() {
        if (!open) {
            return null;
        }
        Instant now = Instant.now();
        long room = properties.memoryBudget().toBytes() - size().memoryBytes();
        SandboxSpec wanted = null;
        double lowestFill = 1;
        for (var target : targets.entrySet()) {
            SandboxSpec key = target.getKey();
            double fill = (double) idle.getOrDefault(key, new ConcurrentLinkedDeque<>())
                            .size()
                    / target.getValue();
            if (fill < lowestFill && inDemand(key, now) && estimate(key) <= room && !images.isRebuilding(key.image())) {
                wanted = key;
                lowestFill = fill;
            }
        }
        return wanted;
    }

    /** Whether the language had a job within the idle period: else its pool shrinks to nothing. */
    private boolean inDemand(SandboxSpec key, Instant now) {
        return !lastDemand
                .getOrDefault(key, Instant.EPOCH)
                .plus(properties.idleAfter())
                .isBefore(now);
    }

    private String describeTargets() {
        return targets.entrySet().stream()
                .map(e -> e.getValue() + " × " + e.getKey().image())
                .toList()
                .toString();
    }

    record PoolSize(int containers, long memoryBytes, long memoryLimitBytes) {}
}
