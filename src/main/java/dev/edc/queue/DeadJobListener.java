package dev.edc.queue;

import dev.edc.Roles;
import dev.edc.execution.ExecutionResult;
import dev.edc.store.ResultStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * Gives every dead-lettered job a final {@code INTERNAL_ERROR} result, so its client is told
 * instead of waiting forever. The message id names the execution even when the body is garbage.
 * While the result store is down, the dead job goes back to its queue (after a pause) until the
 * result can be stored.
 */
@Component
@Profile(Roles.WORKER)
class DeadJobListener {

    private static final Logger log = LoggerFactory.getLogger(DeadJobListener.class);

    private final ResultStore store;
    private final ResultAnnouncer announcer;
    private final Clock clock;
    private final Duration storeRetryDelay;

    DeadJobListener(ResultStore store, ResultAnnouncer announcer, Clock clock, WorkerProperties properties) {
        this.store = store;
        this.announcer = announcer;
        this.clock = clock;
        this.storeRetryDelay = properties.storeRetryDelay();
    }

    @RabbitListener(id = "dead-jobs", queues = "#{deadJobsQueue.name}", messageConverter = RawBodyConverter.BEAN)
    void onDeadJob(Message message) throws InterruptedException {
        String uuid = message.getMessageProperties().getMessageId();
        if (uuid == null) {
            log.error("dead job without an execution id dropped: {}", message);
            return;
        }
        MDC.put("execution", uuid);
        try {
            giveUp(uuid);
        } catch (DataAccessException e) {
            log.error("execution {}: dead-lettered, but the result store (Redis) is unavailable ({}); retried once it is back",
                    uuid, e.getMessage());
            Thread.sleep(storeRetryDelay);
            throw e; // the container requeues the dead job
        } finally {
            MDC.remove("execution");
        }
    }

    private void giveUp(String uuid) {
        store.find(uuid).filter(record -> !record.isFinal()).ifPresentOrElse(record -> {
            ExecutionResult failed = record.internalError(
                    "EDC could not run this execution (its job was dead-lettered); see the worker's log", clock.instant());
            store.update(failed);
            announcer.announce(failed);
            log.error("execution {}: dead-lettered, stored INTERNAL_ERROR", uuid);
        }, () -> log.warn("execution {}: dead-lettered, but its record is gone or already final", uuid));
    }
}
