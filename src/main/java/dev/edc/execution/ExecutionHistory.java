package dev.edc.execution;

import java.util.List;

/**
 * What operators read of past executions: the most recent ones (an index bounded in size, whose
 * entries expire with their records) and how many finished each minute. Kept in step with every
 * write of the {@link ResultStore}.
 */
public interface ExecutionHistory {

    /** The most recent executions that match, newest (by submission) first. */
    List<ExecutionSummary> recent(RecentExecutions query);

    /** Executions finished in each of the last {@code minutes} minutes, oldest first, this one last. */
    List<FinishedInMinute> finishedPerMinute(int minutes);
}
