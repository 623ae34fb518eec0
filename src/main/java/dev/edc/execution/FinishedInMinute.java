package dev.edc.execution;

import java.time.Instant;
import java.util.Map;

/**
 * How many executions finished within one minute, by status.
 *
 * @param minute the minute's start
 */
public record FinishedInMinute(Instant minute, Map<ExecutionStatus, Long> counts) {

    public FinishedInMinute {
        counts = Map.copyOf(counts);
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Those that ended other than in success. */
    public long failed() {
        return total() - counts.getOrDefault(ExecutionStatus.SUCCESS, 0L);
    }
}
