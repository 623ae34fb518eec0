package dev.edc.operations;

import dev.edc.execution.FinishedInMinute;
import dev.edc.queue.QueueState;
import java.time.Instant;
import java.util.List;

/**
 * What the admin page shows besides the executions, as {@code GET /admin/overview} answers it and
 * {@link AdminFeed} pushes it.
 *
 * @param queue      null when the broker could not be asked ({@code queueError} says why)
 * @param finished   executions finished in each of the last minutes, oldest first
 */
record Overview(
        Instant at, List<WorkerStatus> workers, QueueState queue, String queueError, List<FinishedInMinute> finished) {}
