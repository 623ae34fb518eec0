package dev.edc.operations;

import dev.edc.Roles;
import dev.edc.execution.LanguageAvailability;
import dev.edc.language.LanguageRegistry;
import dev.edc.sandbox.Sandbox;
import dev.edc.sandbox.SandboxLoad;
import dev.edc.worker.WorkerProperties;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A worker telling every API node that it is up, every {@code edc.operations.heartbeat-interval}
 * from the moment it is ready (its runner images built) until it stops, i.e. while it drains its
 * running jobs too, and within a second of a change of its jobs in progress, warm containers or
 * runner images being rebuilt.
 * Then it removes itself; a worker that dies without doing so drops out when its report expires
 * (three heartbeats).
 */
@Component
@Profile(Roles.WORKER)
class WorkerHeartbeat implements SmartLifecycle {

    /**
     * Stopped after the job listeners (which wait for the running jobs), before Redis' connection
     * factory (phase 0), which the goodbye needs.
     */
    private static final int PHASE = 1;
    /** How often the worker looks for a change worth a report before the heartbeat is due. */
    private static final Duration LOOK = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(WorkerHeartbeat.class);

    private final WorkerDirectory directory;
    private final OperationsProperties properties;
    private final WorkerProperties worker;
    private final LanguageRegistry languages;
    private final LanguageAvailability availability;
    private final Sandbox sandbox;
    private final SandboxLoad load;
    private final Clock clock;
    private final String host = hostName();
    private final String id;
    private ScheduledExecutorService timer; // while beating
    private volatile Instant startedAt;
    private volatile boolean running;
    private volatile WorkerStatus reported; // written on the timer's thread
    private boolean failing; // on the timer's thread only

    WorkerHeartbeat(
            WorkerDirectory directory,
            OperationsProperties properties,
            WorkerProperties worker,
            LanguageRegistry languages,
            LanguageAvailability availability,
            Sandbox sandbox,
            SandboxLoad load,
            Clock clock) {
        this.directory = directory;
        this.properties = properties;
        this.worker = worker;
        this.languages = languages;
        this.availability = availability;
        this.sandbox = sandbox;
        this.load = load;
        this.clock = clock;
        this.id = properties.workerId().isBlank()
                ? host + "-" + ProcessHandle.current().pid()
                : properties.workerId();
    }

    @EventListener(ApplicationReadyEvent.class)
    void beginBeating() {
        startedAt = clock.instant();
        schedule();
        log.info("worker {} reports itself every {}", id, properties.heartbeatInterval());
    }

    private synchronized void schedule() {
        if (timer == null) {
            reported = null;
            timer = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().daemon().name("worker-heartbeat").factory());
            long look = Math.min(LOOK.toMillis(), properties.heartbeatInterval().toMillis());
            timer.scheduleWithFixedDelay(this::beatIfDue, 0, look, TimeUnit.MILLISECONDS);
        }
    }

    /** This worker as it is now. */
    WorkerStatus status() {
        List<WorkerStatus.LanguageName> runnable = languages.all().stream()
                .filter(language -> availability.problem(language).isEmpty())
                .map(language -> new WorkerStatus.LanguageName(language.language(), language.version()))
                .toList();
        List<WorkerStatus.LanguageName> rebuilding = languages.all().stream()
                .filter(language -> availability.status(language) == LanguageAvailability.Status.REBUILDING)
                .map(language -> new WorkerStatus.LanguageName(language.language(), language.version()))
                .toList();
        return new WorkerStatus(
                id,
                host,
                runnable,
                rebuilding,
                worker.concurrency(),
                load.running(),
                sandbox.warmContainers(),
                startedAt,
                clock.instant());
    }

    /** Reports when the last report is a heartbeat old, or no longer says what this worker does. */
    private void beatIfDue() {
        WorkerStatus now = status();
        boolean due = reported == null
                || !now.lastSeenAt().isBefore(reported.lastSeenAt().plus(properties.heartbeatInterval()))
                || now.busy() != reported.busy()
                || now.pool() != reported.pool()
                || !now.rebuilding().equals(reported.rebuilding());
        if (!due) {
            return;
        }
        try {
            directory.report(now, properties.heartbeatTtl());
            reported = now;
            if (failing) {
                log.info("worker {}: heartbeat stored again", id);
                failing = false;
            }
        } catch (RuntimeException e) {
            // tried again every second; a worker that cannot reach Redis cannot run jobs either
            if (!failing) {
                log.warn("worker {}: heartbeat not stored, tried again until it is: {}", id, e.toString());
                failing = true;
            }
        }
    }

    /**
     * The beats begin once the worker is ready ({@link #beginBeating}), not with the context's
     * first start; they begin again when a stopped context starts again.
     */
    @Override
    public void start() {
        running = true;
        if (startedAt != null) {
            schedule();
        }
    }

    @Override
    public void stop() {
        running = false;
        ScheduledExecutorService stopped;
        synchronized (this) {
            stopped = timer;
            timer = null;
        }
        if (stopped != null) {
            stopped.shutdownNow();
            try {
                stopped.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (startedAt != null) {
            try {
                directory.remove(id);
            } catch (RuntimeException e) {
                log.warn(
                        "worker {}: not removed from the workers ({}); it drops out when its report expires",
                        id,
                        e.toString());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return System.getenv().getOrDefault("HOSTNAME", "unknown");
        }
    }
}
