package dev.edc.execution;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The execution record: stored in Redis, returned by {@code GET /executions/{uuid}} and pushed on
 * {@code /topic/result/{uuid}}. Its JSON form is the contract of API.md; {@code message} is EDC's
 * addition: why an {@code INTERNAL_ERROR} happened, null otherwise.
 */
public record ExecutionResult(
        String uuid,
        String language,
        String version,
        ExecutionStatus status,
        Integer exitCode,
        String signal,
        String stdout,
        String stderr,
        String compileOutput,
        boolean outputTruncated,
        Long timeMs,
        Long memoryKb,
        Instant queuedAt,
        Instant startedAt,
        Instant finishedAt,
        String message) {

    public static ExecutionResult queued(String uuid, String language, String version, Instant queuedAt) {
        return new ExecutionResult(uuid, language, version, ExecutionStatus.QUEUED, null, null, null, null, null,
                false, null, null, millis(queuedAt), null, null, null);
    }

    public ExecutionResult running(Instant startedAt) {
        return new ExecutionResult(uuid, language, version, ExecutionStatus.RUNNING, null, null, null, null, null,
                false, null, null, queuedAt, millis(startedAt), null, null);
    }

    /** A final result with no program output: the service failed, not the program. */
    public ExecutionResult internalError(String reason, Instant finishedAt) {
        return new ExecutionResult(uuid, language, version, ExecutionStatus.INTERNAL_ERROR, null, null, "", "",
                "", false, null, null, queuedAt, startedAt, millis(finishedAt), reason);
    }

    @JsonIgnore
    public boolean isFinal() {
        return status.isFinal();
    }

    static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
