package dev.edc.execution;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/** Submits executions (validated, stored, durably queued) and reads their records. */
@Service
public class ExecutionService {

    private static final Logger log = LoggerFactory.getLogger(ExecutionService.class);

    private final Submissions submissions;
    private final ResultStore store;
    private final JobQueue queue;
    private final ResultWaiters waiters;
    private final ExecutionControls controls;
    private final ControlSignals signals;
    private final ExecutionEvents events;
    private final ExecutionProperties properties;
    private final Clock clock;

    ExecutionService(
            Submissions submissions,
            ResultStore store,
            JobQueue queue,
            ResultWaiters waiters,
            ExecutionControls controls,
            ControlSignals signals,
            ExecutionEvents events,
            ExecutionProperties properties,
            Clock clock) {
        this.submissions = submissions;
        this.store = store;
        this.queue = queue;
        this.waiters = waiters;
        this.controls = controls;
        this.signals = signals;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Validates the request, stores its {@code QUEUED} record and queues the job; when this returns
     * the broker has confirmed the job. On any failure nothing is left behind.
     *
     * @param owner whose execution it is ({@link ExecutionKey#ANONYMOUS} without API keys)
     */
    public Submitted submit(ExecutionRequest request, String owner) {
        return submit(request, owner, CallbackFormat.EDC);
    }

    /** {@link #submit(ExecutionRequest, String)}, its callback (if it has one) in the given format. */
    public Submitted submit(ExecutionRequest request, String owner, CallbackFormat callbackFormat) {
        ExecutionKey key = new ExecutionKey(
                owner,
                request.uuid() != null ? request.uuid() : UUID.randomUUID().toString());
        MDC.put("execution", key.uuid());
        try {
            ExecutionJob job = submissions.toJob(request, callbackFormat, key, clock.instant());
            ExecutionResult queued = ExecutionResult.queued(key.uuid(), job.language(), job.version(), job.queuedAt());
            String token = ControlToken.generate();
            create(key, queued);
            try {
                controls.create(key, new ExecutionControls.Control(ControlToken.digest(token), job.interactive()));
                queue.publish(job.toBuilder().queuedAt(queued.queuedAt()).build());
            } catch (RuntimeException e) {
                withdraw(key);
                log.warn("execution {}: not queued: {}", key, e.getMessage());
                throw e;
            }
            log.info("execution {}: queued {} {}", key, job.language(), job.version());
            return new Submitted(queued, token);
        } finally {
            MDC.remove("execution");
        }
    }

    /**
     * Submits, then waits for the result up to the server's wait bound: the future completes with
     * the final result, or empty if it is not done by then (the job stays queued).
     */
    public Submission submitAndWait(ExecutionRequest request, String owner) {
        return submitAndWait(request, owner, CallbackFormat.EDC);
    }

    /** {@link #submitAndWait(ExecutionRequest, String)}, its callback (if it has one) in the given format. */
    public Submission submitAndWait(ExecutionRequest request, String owner, CallbackFormat callbackFormat) {
        Submitted submitted = submit(request, owner, callbackFormat);
        ExecutionKey key = new ExecutionKey(owner, submitted.queued().uuid());
        CompletableFuture<ExecutionResult> result = waiters.register(key);
        find(key).filter(ExecutionResult::isFinal).ifPresent(result::complete); // done already
        CompletableFuture<Optional<ExecutionResult>> bounded = result.completeOnTimeout(
                        null, properties.waitBound().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((done, error) -> waiters.forget(key, result))
                .thenApply(Optional::ofNullable);
        return new Submission(submitted, bounded);
    }

    /**
     * Gives an interactive program more input, or ends its input, whichever node receives it: the
     * input is kept in order beside the record, and the worker running it is told.
     */
    public void input(ExecutionKey key, String controlToken, byte[] input, boolean endOfInput) {
        ExecutionResult record = requireControlled(key, controlToken);
        ExecutionControls.Control control = controls.find(key).orElseThrow();
        if (!control.interactive()) {
            throw RequestRejectedException.conflict(
                    "Not interactive",
                    "Execution '" + key.uuid()
                            + "' was not submitted with \"interactive\": true: its stdin was given whole.");
        }
        if (input.length > 0
                && !controls.appendInput(key, input, properties.maxStdinSize().toBytes())) {
            throw RequestRejectedException.tooLarge(
                    "Its input", input.length, properties.maxStdinSize().toBytes());
        }
        if (endOfInput) {
            controls.endInput(key);
        }
        signals.send(key, ControlSignals.Kind.INPUT);
        log.debug(
                "execution {}: {} bytes of input{} ({})",
                key,
                input.length,
                endOfInput ? " and its end" : "",
                record.status());
    }

    /**
     * Cancels an execution: a queued one never runs (its result is CANCELLED now), a running one
     * is stopped by its worker, which then stores CANCELLED.
     *
     * @return the record as it is now: CANCELLED, or RUNNING while its worker stops it
     */
    public ExecutionResult cancel(ExecutionKey key, String controlToken) {
        ExecutionResult record = requireControlled(key, controlToken);
        controls.cancel(key);
        if (record.status() == ExecutionStatus.QUEUED) {
            ExecutionResult cancelled = record.cancelled(clock.instant());
            if (store.replaceIf(key, ExecutionStatus.QUEUED, cancelled)) {
                events.announce(key, cancelled);
                log.info("execution {}: cancelled before it ran", key);
                return cancelled;
            }
            record = require(key); // a worker took it meanwhile
        }
        signals.send(key, ControlSignals.Kind.CANCEL);
        log.info("execution {}: cancel sent to its worker", key);
        return record;
    }

    /** The record of an execution this token controls and that is not over. */
    private ExecutionResult requireControlled(ExecutionKey key, String controlToken) {
        ExecutionResult record = require(key);
        String digest =
                controls.find(key).map(ExecutionControls.Control::tokenDigest).orElse(null);
        if (!ControlToken.matches(controlToken, digest)) {
            throw RequestRejectedException.forbidden(key.uuid());
        }
        if (record.isFinal()) {
            throw RequestRejectedException.conflict(
                    "Execution finished",
                    "Execution '" + key.uuid() + "' has finished (" + record.status()
                            + "): there is nothing left to steer.");
        }
        return record;
    }

    public ExecutionResult require(ExecutionKey key) {
        return find(key).orElseThrow(() -> RequestRejectedException.notFound(key.uuid()));
    }

    /**
     * The record of an execution, if its owner has one by that uuid. A uuid that no request could
     * have given (a ':' in it would reach another owner's records in the store) has none.
     */
    public Optional<ExecutionResult> find(ExecutionKey key) {
        if (!key.uuid().matches(ExecutionRequest.UUID)) {
            return Optional.empty();
        }
        try {
            return store.find(key);
        } catch (DataAccessException e) {
            throw new ServiceUnavailableException("The result store (Redis) is unavailable.", e);
        }
    }

    private void create(ExecutionKey key, ExecutionResult queued) {
        boolean created;
        try {
            created = store.create(key, queued);
        } catch (DataAccessException e) {
            throw new ServiceUnavailableException("The result store (Redis) is unavailable; nothing was queued.", e);
        }
        if (!created) {
            throw RequestRejectedException.duplicate(key.uuid());
        }
    }

    private void withdraw(ExecutionKey key) {
        try {
            store.delete(key);
        } catch (DataAccessException e) {
            log.error(
                    "execution {}: queueing failed and its record could not be withdrawn; it expires with its TTL",
                    key,
                    e);
        }
    }

    /** A submitted execution: its queued record and the secret that controls it (input, cancel). */
    public record Submitted(ExecutionResult queued, String controlToken) {}

    /** A submitted execution, and its result if it comes within the wait bound. */
    public record Submission(Submitted submitted, CompletableFuture<Optional<ExecutionResult>> result) {

        public ExecutionResult queued() {
            return submitted.queued();
        }
    }
}
