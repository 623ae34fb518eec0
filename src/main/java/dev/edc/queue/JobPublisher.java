package dev.edc.queue;

import dev.edc.execution.ExecutionJob;
import dev.edc.execution.JobQueue;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Queues jobs on the job queue, confirmed, each named by its execution's uuid. */
@Component
class JobPublisher implements JobQueue {

    private final ConfirmedPublisher publisher;
    private final MessageConverter converter;
    private final String queue;

    JobPublisher(
            ConfirmedPublisher publisher,
            @Qualifier("jsonMessageConverter") MessageConverter converter,
            QueueProperties properties) {
        this.publisher = publisher;
        this.converter = converter;
        this.queue = properties.name();
    }

    @Override
    public void publish(ExecutionJob job) {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(job.uuid()); // lets a dead letter name its execution
        properties.setHeader(JobListener.OWNER, job.owner());
        Message message = converter.toMessage(job, properties);
        publisher.publish(queue, message);
    }
}
