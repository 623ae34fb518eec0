package dev.edc.queue;

import com.rabbitmq.client.Channel;
import dev.edc.Roles;
import dev.edc.execution.ExecutionJob;
import dev.edc.execution.ExecutionWorker;
import dev.edc.execution.PoisonJobException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * Takes jobs off the queue, one at a time per consumer, and acknowledges each only after its
 * result is stored and announced: a worker that dies mid-job leaves it to be redelivered.
 * A job that can never run is rejected into the dead letters; one whose sandbox failed is
 * retried once (maybe on another worker), then dead-lettered.
 */
@Component
@Profile(Roles.WORKER)
class JobListener {

    private static final Logger log = LoggerFactory.getLogger(JobListener.class);

    private final ExecutionWorker worker;
    private final JsonMapper json;

    JobListener(ExecutionWorker worker, JsonMapper json) {
        this.worker = worker;
        this.json = json;
    }

    @RabbitListener(id = "jobs", queues = QueueTopology.JOBS, ackMode = "MANUAL",
            concurrency = "${edc.worker.concurrency:2}")
    void onJob(Message message, Channel channel) throws IOException {
        long tag = message.getMessageProperties().getDeliveryTag();
        String id = message.getMessageProperties().getMessageId();
        ExecutionJob job;
        try {
            job = json.readValue(message.getBody(), ExecutionJob.class);
        } catch (JacksonException e) {
            log.error("job {}: malformed message, dead-lettered: {}", id, e.getOriginalMessage());
            channel.basicReject(tag, false);
            return;
        }
        MDC.put("execution", job.uuid());
        try {
            worker.process(job);
            channel.basicAck(tag, false);
        } catch (PoisonJobException e) {
            log.error("execution {}: can never run, dead-lettered: {}", job.uuid(), e.getMessage());
            channel.basicReject(tag, false);
        } catch (RuntimeException e) {
            boolean retry = !message.getMessageProperties().isRedelivered();
            log.error("execution {}: failed ({}), {}", job.uuid(), e.getMessage(),
                    retry ? "requeued for one more try" : "dead-lettered", e);
            channel.basicNack(tag, false, retry);
        } finally {
            MDC.remove("execution");
        }
    }
}
