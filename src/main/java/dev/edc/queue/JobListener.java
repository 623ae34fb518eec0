package dev.edc.queue;

import dev.edc.Roles;
import dev.edc.execution.ExecutionJob;
import dev.edc.execution.PoisonJobException;
import dev.edc.execution.RetryLaterException;
import dev.edc.sandbox.SandboxException;
import dev.edc.worker.ExecutionWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes jobs off the queue, one at a time per consumer; the container acknowledges each once its
 * result is stored and announced, so a worker that dies mid-job leaves it to be redelivered (a
 * crash costs no try). What the listener decides:
 * <ul>
 * <li>a job that can never run is rejected into the dead letters;</li>
 * <li>a job whose sandbox failed waits and is tried again (maybe on another worker), once; the
 *     second failure dead-letters it;</li>
 * <li>a job that could not be recorded because the result store is down waits and is tried again,
 *     as often as it takes, without counting a try;</li>
 * <li>a job that cannot run here now (the Docker engine is gone, its runner image is being rebuilt)
 *     waits and is tried again, without counting a try;</li>
 * <li>a job whose broker went away mid-job is redelivered once the broker is back.</li>
 * </ul>
 */
@Component
@Profile(Roles.WORKER)
class JobListener {

    static final String OWNER = "x-edc-owner";
    private static final int MAX_ATTEMPTS = 2;
    private static final Logger log = LoggerFactory.getLogger(JobListener.class);

    private final ExecutionWorker worker;
    private final JsonMapper json;
    private final LaterRetries retries;

    JobListener(ExecutionWorker worker, JsonMapper json, LaterRetries retries) {
        this.worker = worker;
        this.json = json;
        this.retries = retries;
    }

    @RabbitListener(
            id = "jobs",
            queues = "#{jobsQueue.name}",
            containerFactory = "jobListenerFactory",
            messageConverter = RawBodyConverter.BEAN)
    void onJob(Message message) {
        ExecutionJob job = read(message);
        MDC.put("execution", job.uuid());
        try {
            worker.process(job);
        } catch (PoisonJobException e) {
            log.error("execution {}: can never run, dead-lettered: {}", job.key(), e.getMessage());
            throw new AmqpRejectAndDontRequeueException(e.getMessage(), e);
        } catch (SandboxException e) {
            int attempts = LaterRetries.attempts(message) + 1;
            if (attempts >= MAX_ATTEMPTS) {
                log.error("execution {}: failed {} times ({}), dead-lettered", job.key(), attempts, e.getMessage(), e);
                throw new AmqpRejectAndDontRequeueException(e.getMessage(), e);
            }
            log.warn("execution {}: failed ({}), will be tried once more", job.key(), e.getMessage(), e);
            retries.job(message, attempts);
        } catch (RetryLaterException e) {
            log.warn("execution {}: cannot run here now ({}); waits and is tried again", job.key(), e.getMessage());
            retries.job(message, LaterRetries.attempts(message));
        } catch (DataAccessException e) {
            log.error(
                    "execution {}: the result store (Redis) is unavailable ({}); tried again once it is back",
                    job.key(),
                    e.getMessage());
            retries.job(message, LaterRetries.attempts(message));
        } finally {
            MDC.remove("execution");
        }
    }

    /** The job in a message; one that never came from EDC's API (not JSON, fields missing) is dead-lettered. */
    private ExecutionJob read(Message message) {
        String id = message.getMessageProperties().getMessageId();
        ExecutionJob job;
        try {
            job = json.readValue(message.getBody(), ExecutionJob.class);
        } catch (JacksonException e) {
            log.error("job {}: malformed message, dead-lettered: {}", id, e.getOriginalMessage());
            throw new AmqpRejectAndDontRequeueException("malformed job", e);
        }
        String missing = missingField(job);
        if (missing != null) {
            log.error("job {}: malformed message (no {}), dead-lettered", id, missing);
            throw new AmqpRejectAndDontRequeueException("malformed job: no " + missing);
        }
        return job;
    }

    private static String missingField(ExecutionJob job) {
        if (job == null || job.uuid() == null) {
            return "uuid";
        }
        if (job.language() == null || job.version() == null) {
            return "language or version";
        }
        if (job.files() == null || job.files().isEmpty()) {
            return "files";
        }
        return job.limits() == null ? "limits" : null;
    }
}
