package dev.edc.queue;

import dev.edc.execution.QueueFullException;
import dev.edc.execution.ServiceUnavailableException;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes a message and returns only once the broker has confirmed it durably into a queue.
 * Messages are mandatory, on a template of their own: one that no queue takes (the queue was
 * deleted under a running EDC) comes back instead of being confirmed and dropped.
 */
@Component
public class ConfirmedPublisher {

    private final RabbitTemplate rabbit;
    private final long confirmTimeoutMs;

    ConfirmedPublisher(ConnectionFactory connections, QueueProperties properties) {
        this.rabbit = new RabbitTemplate(connections);
        this.rabbit.setMandatory(true);
        this.rabbit.setReturnsCallback(returned -> {}); // read per message from its CorrelationData
        this.confirmTimeoutMs = properties.confirmTimeout().toMillis();
    }

    /**
     * @throws QueueFullException          if the broker refused the message (the queue is at its bound)
     * @throws ServiceUnavailableException if the broker is unreachable, did not confirm in time, or
     *                                     no queue took the message
     */
    public void publish(String routingKey, Message message) {
        CorrelationData correlation = new CorrelationData(UUID.randomUUID().toString());
        CorrelationData.Confirm confirm;
        try {
            rabbit.send("", routingKey, message, correlation);
            confirm = correlation.getFuture().get(confirmTimeoutMs, TimeUnit.MILLISECONDS);
        } catch (AmqpException | ExecutionException e) {
            throw new ServiceUnavailableException(
                    "The message broker (RabbitMQ) is unavailable; nothing was queued.", e);
        } catch (TimeoutException e) {
            throw new ServiceUnavailableException(
                    "The message broker (RabbitMQ) did not confirm the job in time; nothing was queued.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("Interrupted while queuing; nothing was queued.", e);
        }
        // A returned message is confirmed too (the broker has dealt with it): the return is set first.
        if (correlation.getReturned() != null) {
            throw new ServiceUnavailableException(
                    "The queue '" + routingKey + "' does not exist on the message broker ("
                            + correlation.getReturned().getReplyText() + "); nothing was queued.",
                    null);
        }
        if (!confirm.ack()) {
            if (confirm.reason() != null) { // the channel closed before the broker answered
                throw new ServiceUnavailableException(
                        "The message broker (RabbitMQ) is unavailable (" + confirm.reason() + "); nothing was queued.",
                        null);
            }
            throw new QueueFullException(); // a nack: the bounded queue rejects the publish
        }
    }
}
