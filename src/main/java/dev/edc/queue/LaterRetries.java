package dev.edc.queue;

import dev.edc.worker.WorkerProperties;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Sends a message to wait before it is tried again: into a wait queue whose messages expire
 * (after {@code edc.worker.retry-delay}) back into the queue they came from. The consumer is free
 * meanwhile, and the message is safe in the broker.
 */
@Component
class LaterRetries {

    /** How many times a job was tried and failed through no fault of its own (its sandbox failed). */
    static final String ATTEMPTS = "x-edc-attempts";

    private final ConfirmedPublisher publisher;
    private final QueueProperties queues;
    private final String delayMs;

    LaterRetries(ConfirmedPublisher publisher, QueueProperties queues, WorkerProperties worker) {
        this.publisher = publisher;
        this.queues = queues;
        this.delayMs = Long.toString(worker.retryDelay().toMillis());
    }

    /** Sends the job back to the job queue after the delay, having failed {@code attempts} times. */
    void job(Message message, int attempts) {
        publisher.publish(
                queues.waitQueue(),
                MessageBuilder.fromMessage(message)
                        .setHeader(ATTEMPTS, attempts)
                        .setExpiration(delayMs)
                        .build());
    }

    /** Sends a dead job back to the dead-letter queue after the delay. */
    void deadJob(Message message) {
        publisher.publish(
                queues.deadWaitQueue(),
                MessageBuilder.fromMessage(message).setExpiration(delayMs).build());
    }

    static int attempts(Message message) {
        Object attempts = message.getMessageProperties().getHeader(ATTEMPTS);
        return attempts instanceof Number n ? n.intValue() : 0;
    }
}
