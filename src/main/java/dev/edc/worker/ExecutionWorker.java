package dev.edc.worker;

import dev.edc.Roles;
import dev.edc.execution.ExecutionControls;
import dev.edc.execution.ExecutionEvents;
import dev.edc.execution.ExecutionJob;
import dev.edc.execution.ExecutionKey;
import dev.edc.execution.ExecutionProperties;
import dev.edc.execution.ExecutionResult;
import dev.edc.execution.ExecutionStatus;
import dev.edc.execution.LanguageAvailability;
import dev.edc.execution.PoisonJobException;
import dev.edc.execution.ResultStore;
import dev.edc.execution.RetryLaterException;
import dev.edc.execution.Webhooks;
import dev.edc.language.LanguageRegistry;
import dev.edc.language.LanguageVersion;
import dev.edc.sandbox.Sandbox;
import dev.edc.sandbox.SandboxException;
import dev.edc.sandbox.SandboxLoad;
import dev.edc.sandbox.SandboxOutcome;
import dev.edc.sandbox.SandboxRun;
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
 * Runs one queued job: marks it running, runs it in a sandbox (its output, test verdicts and
 * result announced as they come), stores its result and has it delivered where the submitter
 * asked. A job may arrive more than once (at-least-once delivery): one whose result is stored is
 * not run again.
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
    private final ExecutionControls controls;
    private final RunningExecutions running;
    private final Webhooks webhooks;
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
            ExecutionControls controls,
            RunningExecutions running,
            Webhooks webhooks,
            ExecutionMetrics metrics,
            SandboxLoad load,
            ExecutionProperties properties,
            Clock clock) {
        this.languages = languages;
        this.availability = availability;
        this.sandbox = sandbox;
        this.store = store;
        this.events = events;
        this.controls = controls;
        this.running = running;
        this.webhooks = webhooks;
        this.metrics = metrics;
        this.load = load;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @throws PoisonJobException if the job can never run (its language is not available here)
     * @throws SandboxException if the sandbox failed: the job may succeed elsewhere
     * @throws RetryLaterException if the job cannot run here now (engine gone, image being rebuilt)
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
            // before announcing it or queueing its webhook. Both again are harmless: a subscription
            // that has the result drops the copy, and a webhook is delivered at least once.
            log.info(
                    "execution {}: already finished ({}), not run again; result announced again",
                    key,
                    current.get().status());
            deliver(job, key, current.get());
            events.announce(key, current.get());
            return;
        }
        if (job.interactive() && current.get().status() == ExecutionStatus.RUNNING) {
            // Its worker died: the person at the keyboard is gone with its input, so it is not run again.
            end(
                    job,
                    key,
                    current.get()
                            .internalError(
                                    "The worker running this interactive execution stopped; " + "run it again",
                                    clock.instant()));
            return;
        }
        if (controls.isCancelled(key)) {
            end(job, key, current.get().cancelled(clock.instant()));
            return;
        }
        LanguageVersion language = languages
                .find(job.language(), job.version())
                .orElseThrow(() -> new PoisonJobException(
                        "no language " + job.language() + " " + job.version() + " on this worker"));
        availability.problem(language).ifPresent(problem -> {
            throw new PoisonJobException(language.key() + " cannot run on this worker: " + problem);
        });
        if (availability.status(language) == LanguageAvailability.Status.REBUILDING) {
            throw new RetryLaterException("the runner image of " + language.key() + " is being rebuilt", null);
        }
        load.started();
        try {
            run(key, job, language, current.get());
        } finally {
            load.finished();
        }
    }

    private void run(ExecutionKey key, ExecutionJob job, LanguageVersion language, ExecutionResult queued) {
        ExecutionResult started = queued.running(clock.instant());
        // RUNNING is for watchers: it is stored and announced while the program runs, not before,
        // and the result waits for it, so that it can never overwrite or follow the result.
        CompletableFuture<Void> runningAnnounced = CompletableFuture.runAsync(
                () -> {
                    store.update(key, started);
                    events.announce(key, started);
                },
                statusSender);
        log.info("execution {}: running {} {}", key, job.language(), job.version());

        ExecutionEvents.EventStream stream = events.open(key);
        RunReporter reporter = new RunReporter(stream, job);
        SandboxOutcome outcome;
        try {
            SandboxRun run = sandbox.start(
                    SandboxJobs.spec(language, job), SandboxJobs.job(job, language, properties), reporter);
            try (RunningExecutions.Registration steered = running.register(key, run, job.interactive())) {
                outcome = run.await();
            }
        } catch (SandboxException e) {
            stream.abandon();
            metrics.sandboxFailed(job.language(), job.version());
            RuntimeException blamed = blame(e);
            if (blamed instanceof RetryLaterException && !job.interactive()) {
                // Back in the queue: QUEUED while it waits, not RUNNING. An interactive one stays
                // RUNNING, which its next try ends (its person left with the input).
                join(runningAnnounced);
                ExecutionResult waiting = queued.requeued();
                store.update(key, waiting);
                events.announce(key, waiting);
            }
            throw blamed;
        } finally {
            join(runningAnnounced);
        }
        ExecutionResult result = Verdicts.finish(started, outcome, job, reporter.tests(), clock.instant());
        store.update(key, result);
        deliver(job, key, result);
        stream.finish(result);
        metrics.finished(result, outcome);
        log.info(
                "execution {}: {} (exit {}, {} ms, {} KiB)",
                key,
                result.status(),
                result.exitCode(),
                result.timeMs(),
                result.memoryKb());
    }

    /**
     * Whose fault a sandbox failure is: the engine's (gone, or a runner image deleted under the
     * worker, which is rebuilt meanwhile) makes the job wait without counting a try; anything else
     * is the sandbox's, retried once.
     */
    private RuntimeException blame(SandboxException failure) {
        if (failure.kind() == SandboxException.Kind.IMAGE_MISSING) {
            sandbox.rebuild(failure.image());
            return new RetryLaterException(
                    "its runner image " + failure.image() + " is missing: rebuilding it", failure);
        }
        if (failure.kind() == SandboxException.Kind.ENGINE_UNREACHABLE || !sandbox.engineReachable()) {
            return new RetryLaterException("the Docker engine is unreachable", failure);
        }
        return failure;
    }

    /** Stores and announces a result the job ends with without running. */
    private void end(ExecutionJob job, ExecutionKey key, ExecutionResult result) {
        store.update(key, result);
        deliver(job, key, result);
        events.announce(key, result);
        log.info("execution {}: {} without running", key, result.status());
    }

    /** Queues the webhook's delivery (durably, before the job is acknowledged). */
    private void deliver(ExecutionJob job, ExecutionKey key, ExecutionResult result) {
        if (job.callbackUrl() != null) {
            webhooks.deliver(job.callbackUrl(), job.callbackFormatOrDefault(), key, result);
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
}
