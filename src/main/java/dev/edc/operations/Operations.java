package dev.edc.operations;

import dev.edc.Roles;
import dev.edc.execution.ExecutionHistory;
import dev.edc.execution.ServiceUnavailableException;
import dev.edc.queue.QueueState;
import dev.edc.queue.QueueStatistics;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/** Reads what operators see, on an API node: the workers, the queue, the overview of the admin page. */
@Component
@Profile(Roles.API)
class Operations {

    private final WorkerDirectory workers;
    private final QueueStatistics queue;
    private final ExecutionHistory history;
    private final OperationsProperties properties;
    private final Clock clock;

    Operations(
            WorkerDirectory workers,
            QueueStatistics queue,
            ExecutionHistory history,
            OperationsProperties properties,
            Clock clock) {
        this.workers = workers;
        this.queue = queue;
        this.history = history;
        this.properties = properties;
        this.clock = clock;
    }

    /** @throws ServiceUnavailableException if Redis is unavailable */
    List<WorkerStatus> workers() {
        try {
            return workers.all();
        } catch (DataAccessException e) {
            throw new ServiceUnavailableException("The store (Redis) is unavailable.", e);
        }
    }

    /** @throws ServiceUnavailableException if the broker is unavailable or has no job queue */
    QueueState queue() {
        return queue.current();
    }

    /** @throws ServiceUnavailableException if Redis is unavailable (a broker that is down is told in the overview) */
    Overview overview() {
        QueueState state = null;
        String queueError = null;
        try {
            state = queue.current();
        } catch (ServiceUnavailableException e) {
            queueError = e.getMessage();
        }
        try {
            return new Overview(
                    clock.instant(),
                    workers.all(),
                    state,
                    queueError,
                    history.finishedPerMinute(properties.throughputMinutes()));
        } catch (DataAccessException e) {
            throw new ServiceUnavailableException("The store (Redis) is unavailable.", e);
        }
    }
}
