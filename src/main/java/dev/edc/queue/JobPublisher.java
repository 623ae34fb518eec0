package dev.edc.queue;

import dev.edc.execution.ExecutionJob;
import dev.edc.execution.QueueFullException;
import dev.edc.execution.ServiceUnavailableException;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Queues a job and returns only once the broker has confirmed it durably into the job queue. Jobs
 * are published mandatory, on a template of their own: one that no queue takes (the queue was
 * deleted under a running EDC) comes back instead of being confirmed and dropped.
 */
@Component
public class JobPublisher {

    private final RabbitTemplate rabbit;
    private final String queue;
    private final long confirmTimeoutMs;

    JobPublisher(ConnectionFactory connections, @Qualifier("jsonMessageConverter") MessageConverter converter,
                 QueueProperties properties) {
        this.rabbit = new RabbitTemplate(connections);
        this.rabbit.setMessageConverter(converter);
        this.rabbit.setMandatory(true);
        this.rabbit.setReturnsCallback(returned -> { }); // read per job from its CorrelationData
        this.queue = properties.name();
        this.confirmTimeoutMs = properties.confirmTimeout().toMillis();
    }

    /**
     * @throws QueueFullException          if the broker refused the job (the queue is at its bound)
     * @throws ServiceUnavailableException if the broker is unreachable, did not confirm in time, or
     *                                     no queue took the job
     */
    public void publish(ExecutionJob job) {
        CorrelationData correlation = new CorrelationData(job.uuid());
        CorrelationData.Confirm confirm;
        try {
            rabbit.convertAndSend("", queue, job, message -> {
                message.getMessageProperties().setMessageId(job.uuid()); // lets a dead letter name its execution
                return message;
            }, correlation);
            confirm = correlation.getFuture().get(confirmTimeoutMs, TimeUnit.MILLISECONDS);
        } catch (AmqpException | ExecutionException e) {
            throw new ServiceUnavailableException("The message broker (RabbitMQ) is unavailable; nothing was queued.", e);
        } catch (TimeoutException e) {
            throw new ServiceUnavailableException("The message broker (RabbitMQ) did not confirm the job in time; nothing was queued.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("Interrupted while queuing; nothing was queued.", e);
        }
        // A returned job is confirmed too (the broker has dealt with it): the return is set first.
        if (correlation.getReturned() != null) {
            throw new ServiceUnavailableException("The job queue '" + queue + "' does not exist on the message broker ("
                    + correlation.getReturned().getReplyText() + "); nothing was queued.", null);
        }
        if (!confirm.ack()) {
            if (confirm.reason() != null) { // the channel closed before the broker answered
                throw new ServiceUnavailableException("The message broker (RabbitMQ) is unavailable (" + confirm.reason()
                        + "); nothing was queued.", null);
            }
            throw new QueueFullException(); // a nack: the bounded queue rejects the publish
        }
    }
}
