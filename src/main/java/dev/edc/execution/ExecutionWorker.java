package dev.edc.execution;

import dev.edc.Roles;
import dev.edc.language.LanguageRegistry;
import dev.edc.language.LanguageVersion;
import dev.edc.queue.ResultAnnouncer;
import dev.edc.sandbox.Sandbox;
import dev.edc.sandbox.SandboxException;
import dev.edc.sandbox.SandboxInput;
import dev.edc.sandbox.SandboxLoad;
import dev.edc.sandbox.SandboxOutcome;
import dev.edc.sandbox.SandboxSpec;
import dev.edc.store.ResultStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

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
    private final Sandbox sandbox;
    private final ResultStore store;
    private final ResultAnnouncer announcer;
    private final ExecutionMetrics metrics;
    private final SandboxLoad load;
    private final Clock clock;
    private final ExecutorService statusSender = Executors.newVirtualThreadPerTaskExecutor();

    ExecutionWorker(LanguageRegistry languages, Sandbox sandbox, ResultStore store, ResultAnnouncer announcer,
                    ExecutionMetrics metrics, SandboxLoad load, Clock clock) {
        this.languages = languages;
        this.sandbox = sandbox;
        this.store = store;
        this.announcer = announcer;
        this.metrics = metrics;
        this.load = load;
        this.clock = clock;
    }

    /**
     * @throws PoisonJobException if the job can never run (its language is not configured here)
     * @throws dev.edc.sandbox.SandboxException if the sandbox failed: the job may succeed elsewhere
     * @throws org.springframework.dao.DataAccessException if the result store is unavailable: the job
     *         runs once it is back
     * @throws org.springframework.amqp.AmqpException if the broker is unavailable: the job is redelivered
     */
    public void process(ExecutionJob job) {
        Optional<ExecutionResult> current = store.find(job.uuid());
        if (current.isEmpty()) {
            log.warn("execution {}: no record (expired, or its submission failed): not run", job.uuid());
            return;
        }
        if (current.get().isFinal()) {
            // A redelivery: the worker died or lost the broker after storing the result, maybe
            // before its announcement reached every API node. Announcing again is harmless: a
            // subscription that already has the result drops the copy.
            log.info("execution {}: already finished ({}), not run again; result announced again", job.uuid(), current.get().status());
            announcer.announce(current.get());
            return;
        }
        LanguageVersion language = languages.find(job.language(), job.version())
                .orElseThrow(() -> new PoisonJobException("no language " + job.language() + " " + job.version() + " on this worker"));
        load.started();
        try {
            run(job, language, current.get());
        } finally {
            load.finished();
        }
    }

    private void run(ExecutionJob job, LanguageVersion language, ExecutionResult queued) {
        ExecutionResult running = queued.running(clock.instant());
        // RUNNING is for watchers: it is stored and announced while the program runs, not before,
        // and the result waits for it, so that it can never overwrite or follow the result.
        CompletableFuture<Void> runningAnnounced = CompletableFuture.runAsync(() -> {
            store.update(running);
            announcer.announce(running);
        }, statusSender);
        log.info("execution {}: running {} {}", job.uuid(), job.language(), job.version());

        SandboxOutcome outcome;
        try {
            outcome = sandbox.run(spec(job, language), input(job));
        } catch (SandboxException e) {
            metrics.sandboxFailed(job.language(), job.version());
            throw e;
        } finally {
            join(runningAnnounced);
        }
        ExecutionResult result = Verdicts.finish(running, outcome, clock.instant());
        store.update(result);
        announcer.announce(result);
        metrics.finished(result, outcome);
        log.info("execution {}: {} (exit {}, {} ms, {} KiB)", job.uuid(), result.status(), result.exitCode(),
                result.timeMs(), result.memoryKb());
        if (result.status() == ExecutionStatus.INTERNAL_ERROR) {
            log.error("execution {}: {}; runner stderr: {}", job.uuid(), result.message(), outcome.stderr());
        }
    }

    /** Waits for the future, throwing what it threw (the listener tells a store failure from a broker failure). */
    private static void join(CompletableFuture<Void> future) {
        try {
            future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static SandboxSpec spec(ExecutionJob job, LanguageVersion language) {
        Limits limits = job.limits();
        return new SandboxSpec(job.uuid(), language.runner().image(), language.runner().command(),
                limits.memoryMb() * 1024 * 1024, language.runner().pids(), Duration.ofMillis(limits.timeMs()),
                limits.outputKb() * 1024);
    }

    private static SandboxInput input(ExecutionJob job) {
        byte[] stdin = job.stdin() == null ? new byte[0] : job.stdin().getBytes(StandardCharsets.UTF_8);
        return new SandboxInput(job.code(), stdin, job.args() == null ? List.of() : job.args());
    }
}
