package dev.edc.queue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;
import dev.edc.Roles;
import dev.edc.execution.ExecutionJob;
import dev.edc.execution.ExecutionWorker;
import dev.edc.execution.PoisonJobException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Duration;

/**
 * Takes jobs off the queue, one at a time per consumer, and acknowledges each only after its
 * result is stored and announced: a worker that dies mid-job leaves it to be redelivered.
 * A job that can never run is rejected into the dead letters; one whose sandbox failed is
 * retried once (maybe on another worker), then dead-lettered. A job that could not be recorded
 * because the result store is down is not the job's fault: it goes back to the queue, after a
 * pause so that workers do not spin on it, and runs once the store is back.
 */
@Component
@Profile(Roles.WORKER)
class JobListener {

    private static final Logger log = LoggerFactory.getLogger(JobListener.class);

    private final ExecutionWorker worker;
    private final JsonMapper json;
    private final Duration storeRetryDelay;

    JobListener(ExecutionWorker worker, JsonMapper json, WorkerProperties properties) {
        this.worker = worker;
        this.json = json;
        this.storeRetryDelay = properties.storeRetryDelay();
    }

    @RabbitListener(id = "jobs", queues = "#{jobsQueue.name}", ackMode = "MANUAL",
            concurrency = "${edc.worker.concurrency:2}", messageConverter = RawBodyConverter.BEAN)
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
        String missing = missingField(job);
        if (missing != null) {
            log.error("job {}: malformed message (no {}), dead-lettered", id, missing);
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
        } catch (AmqpException e) {
            // The broker went away mid-job (announcing the status or the result failed): the job is
            // redelivered once it is back, and a result stored meanwhile is announced, not run, again.
            log.error("execution {}: lost the broker ({}); the job goes back to the queue", job.uuid(), e.getMessage());
            requeue(channel, tag);
        } catch (DataAccessException e) {
            log.error("execution {}: the result store (Redis) is unavailable ({}); job requeued, to run once it is back",
                    job.uuid(), e.getMessage());
            pause();
            channel.basicNack(tag, false, true);
        } catch (RuntimeException e) {
            boolean retry = !message.getMessageProperties().isRedelivered();
            log.error("execution {}: failed ({}), {}", job.uuid(), e.getMessage(),
                    retry ? "requeued for one more try" : "dead-lettered", e);
            channel.basicNack(tag, false, retry);
        } finally {
            MDC.remove("execution");
        }
    }

    /** The first field a job cannot run without, or null: such a message never came from EDC's API. */
    private static String missingField(ExecutionJob job) {
        if (job == null || job.uuid() == null) {
            return "uuid";
        }
        if (job.language() == null || job.version() == null) {
            return "language or version";
        }
        if (job.code() == null) {
            return "code";
        }
        return job.limits() == null ? "limits" : null;
    }

    private static void requeue(Channel channel, long tag) {
        try {
            channel.basicNack(tag, false, true);
        } catch (IOException | ShutdownSignalException e) {
            // the channel is gone with the connection: the broker requeues the job by itself
        }
    }

    private void pause() {
        try {
            Thread.sleep(storeRetryDelay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping: hand the job back at once
        }
    }
}
