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
    private final ExecutionProperties properties;
    private final Clock clock;

    ExecutionService(
            Submissions submissions,
            ResultStore store,
            JobQueue queue,
            ResultWaiters waiters,
            ExecutionProperties properties,
            Clock clock) {
        this.submissions = submissions;
        this.store = store;
        this.queue = queue;
        this.waiters = waiters;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Validates the request, stores its {@code QUEUED} record and queues the job; when this returns
     * the broker has confirmed the job. On any failure nothing is left behind.
     *
     * @param owner whose execution it is ({@link ExecutionKey#ANONYMOUS} without API keys)
     */
    public ExecutionResult submit(ExecutionRequest request, String owner) {
        ExecutionKey key = new ExecutionKey(
                owner,
                request.uuid() != null ? request.uuid() : UUID.randomUUID().toString());
        MDC.put("execution", key.uuid());
        try {
            ExecutionJob job = submissions.toJob(request, key, clock.instant());
            ExecutionResult queued = ExecutionResult.queued(key.uuid(), job.language(), job.version(), job.queuedAt());
            create(key, queued);
            try {
                queue.publish(job.toBuilder().queuedAt(queued.queuedAt()).build());
            } catch (RuntimeException e) {
                withdraw(key);
                log.warn("execution {}: not queued: {}", key, e.getMessage());
                throw e;
            }
            log.info("execution {}: queued {} {}", key, job.language(), job.version());
            return queued;
        } finally {
            MDC.remove("execution");
        }
    }

    /**
     * Submits, then waits for the result up to the server's wait bound: the future completes with
     * the final result, or empty if it is not done by then (the job stays queued).
     */
    public Submission submitAndWait(ExecutionRequest request, String owner) {
        ExecutionResult queued = submit(request, owner);
        ExecutionKey key = new ExecutionKey(owner, queued.uuid());
        CompletableFuture<ExecutionResult> result = waiters.register(key);
        find(key).filter(ExecutionResult::isFinal).ifPresent(result::complete); // done already
        CompletableFuture<Optional<ExecutionResult>> bounded = result.completeOnTimeout(
                        null, properties.waitBound().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((done, error) -> waiters.forget(key, result))
                .thenApply(Optional::ofNullable);
        return new Submission(queued, bounded);
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

    /** A submitted execution: its queued record, and its result if it comes within the wait bound. */
    public record Submission(ExecutionResult queued, CompletableFuture<Optional<ExecutionResult>> result) {}
}
