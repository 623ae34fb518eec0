package dev.edc.execution;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;

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
        @Schema(description = "QUEUED and RUNNING while not done; the others are final verdicts (API.md: The result)")
        ExecutionStatus status,
        @Schema(description = "the program's exit code; null if it was killed or never ran")
        Integer exitCode,
        @Schema(description = "the signal that killed the program, e.g. SIGKILL; null otherwise")
        String signal,
        String stdout,
        String stderr,
        String compileOutput,
        @Schema(description = "stdout+stderr passed the output limit: what was kept is returned")
        boolean outputTruncated,
        @Schema(description = "wall-clock run time in milliseconds")
        Long timeMs,
        @Schema(description = "peak memory in kilobytes")
        Long memoryKb,
        Instant queuedAt,
        Instant startedAt,
        Instant finishedAt,
        @Schema(description = "why an INTERNAL_ERROR happened; null otherwise")
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
