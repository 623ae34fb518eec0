package dev.edc.queue;

import dev.edc.execution.ServiceUnavailableException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.stereotype.Component;

/**
 * The job queue as the broker sees it: jobs waiting, consumers (every worker's job slots), and
 * dead letters not yet recorded. Read by passive declarations (AMQP itself, no management plugin)
 * and kept for {@code edc.queue.statistics-age}, so that any number of pollers costs the broker
 * two declarations per node every two seconds at most.
 */
@Component
public class QueueStatistics {

    private final AmqpAdmin admin;
    private final QueueProperties properties;
    private final Clock clock;
    private Reading last;

    QueueStatistics(AmqpAdmin admin, QueueProperties properties, Clock clock) {
        this.admin = admin;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The queue now, or as read at most {@code edc.queue.statistics-age} ago.
     *
     * @throws ServiceUnavailableException if the broker cannot be asked or the queue does not exist
     */
    public synchronized QueueState current() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(last.at().plus(properties.statisticsAge()))) {
            try {
                last = new Reading(now, read(), null);
            } catch (ServiceUnavailableException e) {
                last = new Reading(now, null, e); // a broker that is down is not asked again at once either
            }
        }
        if (last.failure() != null) {
            throw last.failure();
        }
        return last.state();
    }

    private QueueState read() {
        QueueInformation jobs;
        QueueInformation dead;
        try {
            jobs = admin.getQueueInfo(properties.name());
            dead = admin.getQueueInfo(properties.deadLetterQueue());
        } catch (AmqpException e) {
            throw new ServiceUnavailableException("The broker (RabbitMQ) is unavailable: " + e.getMessage(), e);
        }
        if (jobs == null) {
            throw new ServiceUnavailableException(
                    "The job queue " + properties.name() + " does not exist on the broker.", null);
        }
        return new QueueState(
                properties.name(),
                jobs.getMessageCount(),
                jobs.getConsumerCount(),
                dead == null ? 0 : dead.getMessageCount());
    }

    private record Reading(Instant at, QueueState state, ServiceUnavailableException failure) {}
}
