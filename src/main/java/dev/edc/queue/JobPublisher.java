package dev.edc.queue;

import dev.edc.execution.ExecutionJob;
import dev.edc.execution.QueueFullException;
import dev.edc.execution.ServiceUnavailableException;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicBoolean;

/** Queues a job and returns only once the broker has confirmed it durably. */
@Component
public class JobPublisher {

    private final RabbitTemplate rabbit;
    private final String queue;
    private final long confirmTimeoutMs;

    JobPublisher(RabbitTemplate rabbit, QueueProperties properties) {
        this.rabbit = rabbit;
        this.queue = properties.name();
        this.confirmTimeoutMs = properties.confirmTimeout().toMillis();
    }

    /**
     * @throws QueueFullException          if the broker refused the job (the queue is at its bound)
     * @throws ServiceUnavailableException if the broker is unreachable or did not confirm in time
     */
    public void publish(ExecutionJob job) {
        AtomicBoolean refused = new AtomicBoolean();
        boolean confirmed;
        try {
            confirmed = Boolean.TRUE.equals(rabbit.invoke(operations -> {
                operations.convertAndSend("", queue, job, message -> {
                    message.getMessageProperties().setMessageId(job.uuid()); // lets a dead letter name its execution
                    return message;
                });
                return operations.waitForConfirms(confirmTimeoutMs);
            }, (tag, multiple) -> { }, (tag, multiple) -> refused.set(true)));
        } catch (AmqpException e) {
            throw new ServiceUnavailableException("The message broker (RabbitMQ) is unavailable; nothing was queued.", e);
        }
        if (refused.get()) {
            throw new QueueFullException();
        }
        if (!confirmed) {
            throw new ServiceUnavailableException("The message broker (RabbitMQ) did not confirm the job in time; nothing was queued.", null);
        }
    }
}
