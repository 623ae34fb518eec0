package dev.edc.queue;

import dev.edc.Roles;
import dev.edc.execution.ExecutionEvents;
import dev.edc.execution.ExecutionKey;
import dev.edc.execution.ExecutionResult;
import dev.edc.execution.ResultStore;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Gives every dead-lettered job a final {@code INTERNAL_ERROR} result, so its client is told
 * instead of waiting forever. The message id and owner header name the execution even when the
 * body is garbage. While the result store is down, the dead job waits and comes back until the
 * result can be stored.
 */
@Component
@Profile(Roles.WORKER)
class DeadJobListener {

    private static final Logger log = LoggerFactory.getLogger(DeadJobListener.class);

    private final ResultStore store;
    private final ExecutionEvents events;
    private final LaterRetries retries;
    private final Clock clock;

    DeadJobListener(ResultStore store, ExecutionEvents events, LaterRetries retries, Clock clock) {
        this.store = store;
        this.events = events;
        this.retries = retries;
        this.clock = clock;
    }

    @RabbitListener(id = "dead-jobs", queues = "#{deadJobsQueue.name}", messageConverter = RawBodyConverter.BEAN)
    void onDeadJob(Message message) {
        String uuid = message.getMessageProperties().getMessageId();
        if (uuid == null) {
            log.error("dead job without an execution id dropped: {}", message);
            return;
        }
        String owner = message.getMessageProperties().getHeader(JobListener.OWNER);
        ExecutionKey key = new ExecutionKey(owner == null ? ExecutionKey.ANONYMOUS : owner, uuid);
        MDC.put("execution", uuid);
        try {
            giveUp(key);
        } catch (DataAccessException e) {
            log.error(
                    "execution {}: dead-lettered, but the result store (Redis) is unavailable ({}); tried again once it is back",
                    key,
                    e.getMessage());
            retries.deadJob(message);
        } finally {
            MDC.remove("execution");
        }
    }

    private void giveUp(ExecutionKey key) {
        store.find(key)
                .filter(record -> !record.isFinal())
                .ifPresentOrElse(
                        record -> {
                            ExecutionResult failed = record.internalError(
                                    "EDC could not run this execution (its job was dead-lettered); see the worker's log",
                                    clock.instant());
                            store.update(key, failed);
                            events.announce(key, failed);
                            log.error("execution {}: dead-lettered, stored INTERNAL_ERROR", key);
                        },
                        () -> log.warn("execution {}: dead-lettered, but its record is gone or already final", key));
    }
}
