package dev.edc.execution;

import dev.edc.Roles;
import dev.edc.language.LanguageRegistry;
import dev.edc.language.LanguageVersion;
import dev.edc.sandbox.RunListener;
import dev.edc.sandbox.Sandbox;
import dev.edc.sandbox.SandboxException;
import dev.edc.sandbox.SandboxLoad;
import dev.edc.sandbox.SandboxOutcome;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Runs one queued job: marks it running, runs it in a sandbox, stores and announces its result.
 * A job may arrive more than once (at-least-once delivery): one whose result is stored is not run
 * again.
 */
@Component
@Profile(Roles.WORKER)
public class ExecutionWorker {

    private static final Logger log = LoggerFactory.getLogger(ExecutionWorker.class);

    private final LanguageRegistry languages;
    private final LanguageAvailability availability;
    private final Sandbox sandbox;
    private final ResultStore store;
    private final ExecutionEvents events;
    private final ExecutionMetrics metrics;
    private final SandboxLoad load;
    private final ExecutionProperties properties;
    private final Clock clock;
    private final ExecutorService statusSender = Executors.newVirtualThreadPerTaskExecutor();

    ExecutionWorker(
            LanguageRegistry languages,
            LanguageAvailability availability,
            Sandbox sandbox,
            ResultStore store,
            ExecutionEvents events,
            ExecutionMetrics metrics,
            SandboxLoad load,
            ExecutionProperties properties,
            Clock clock) {
        this.languages = languages;
        this.availability = availability;
        this.sandbox = sandbox;
        this.store = store;
        this.events = events;
        this.metrics = metrics;
        this.load = load;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @throws PoisonJobException if the job can never run (its language is not available here)
     * @throws SandboxException if the sandbox failed: the job may succeed elsewhere
     * @throws org.springframework.dao.DataAccessException if the result store is unavailable: the job
     *         runs once it is back
     * @throws org.springframework.amqp.AmqpException if the broker is unavailable: the job is redelivered
     */
    public void process(ExecutionJob job) {
        ExecutionKey key = job.key();
        Optional<ExecutionResult> current = store.find(key);
        if (current.isEmpty()) {
            log.warn("execution {}: no record (expired, or its submission failed): not run", key);
            return;
        }
        if (current.get().isFinal()) {
            // A redelivery: the worker died or lost the broker after storing the result, maybe
            // before its announcement reached every API node. Announcing again is harmless: a
            // subscription that already has the result drops the copy.
            log.info(
                    "execution {}: already finished ({}), not run again; result announced again",
                    key,
                    current.get().status());
            events.announce(key, current.get());
            return;
        }
        LanguageVersion language = languages
                .find(job.language(), job.version())
                .orElseThrow(() -> new PoisonJobException(
                        "no language " + job.language() + " " + job.version() + " on this worker"));
        availability.problem(language).ifPresent(problem -> {
            throw new PoisonJobException(language.key() + " cannot run on this worker: " + problem);
        });
        load.started();
        try {
            run(key, job, language, current.get());
        } finally {
            load.finished();
        }
    }

    private void run(ExecutionKey key, ExecutionJob job, LanguageVersion language, ExecutionResult queued) {
        ExecutionResult running = queued.running(clock.instant());
        // RUNNING is for watchers: it is stored and announced while the program runs, not before,
        // and the result waits for it, so that it can never overwrite or follow the result.
        CompletableFuture<Void> runningAnnounced = CompletableFuture.runAsync(
                () -> {
                    store.update(key, running);
                    events.announce(key, running);
                },
                statusSender);
        log.info("execution {}: running {} {}", key, job.language(), job.version());

        SandboxOutcome outcome;
        try {
            outcome = sandbox.start(
                            SandboxJobs.spec(language, job.limits()),
                            SandboxJobs.job(job, language, properties),
                            RunListener.NONE)
                    .await();
        } catch (SandboxException e) {
            metrics.sandboxFailed(job.language(), job.version());
            throw e;
        } finally {
            join(runningAnnounced);
        }
        ExecutionResult result = Verdicts.finish(running, outcome, clock.instant());
        store.update(key, result);
        events.announce(key, result);
        metrics.finished(result, outcome);
        log.info(
                "execution {}: {} (exit {}, {} ms, {} KiB)",
                key,
                result.status(),
                result.exitCode(),
                result.timeMs(),
                result.memoryKb());
    }

    /** Waits for the future, throwing what it threw (the listener tells a store failure from a broker failure). */
    private static void join(CompletableFuture<Void> future) {
        try {
            future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
