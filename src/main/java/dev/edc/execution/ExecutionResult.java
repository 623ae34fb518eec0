package dev.edc.execution;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import lombok.Builder;
import lombok.With;

/**
 * The execution record: stored in Redis, returned by {@code GET /executions/{uuid}} and pushed on
 * {@code /topic/result/{uuid}}. Its JSON form is the contract of API.md; {@code message} is EDC's
 * addition: why an {@code INTERNAL_ERROR} happened, null otherwise.
 */
@JsonIgnoreProperties(ignoreUnknown = true) // written by other versions of EDC too
@Builder(toBuilder = true)
@With
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

        @Schema(
                description =
                        "stdout+stderr (or the compiler's messages) passed the output limit: what was kept is returned")
        boolean outputTruncated,

        @Schema(description = "wall-clock run time in milliseconds")
        Long timeMs,

        @Schema(description = "peak memory in kilobytes") Long memoryKb,
        Instant queuedAt,
        Instant startedAt,
        Instant finishedAt,

        @Schema(description = "why an INTERNAL_ERROR happened; null otherwise")
        String message,

        @Schema(description = "with test cases: each case's verdict") @JsonInclude(JsonInclude.Include.NON_NULL)
        List<TestResult> tests,

        @Schema(description = "with test cases: how many passed") @JsonInclude(JsonInclude.Include.NON_NULL)
        TestResult.Summary summary) {

    public static ExecutionResult queued(String uuid, String language, String version, Instant queuedAt) {
        return builder()
                .uuid(uuid)
                .language(language)
                .version(version)
                .status(ExecutionStatus.QUEUED)
                .queuedAt(millis(queuedAt))
                .build();
    }

    public ExecutionResult running(Instant startedAt) {
        return toBuilder()
                .status(ExecutionStatus.RUNNING)
                .startedAt(millis(startedAt))
                .build();
    }

    /** The record of an execution back in the queue: it has not run (its sandbox could not start or was lost). */
    public ExecutionResult requeued() {
        return toBuilder().status(ExecutionStatus.QUEUED).startedAt(null).build();
    }

    /** A final result with no program output: the service failed, not the program. */
    public ExecutionResult internalError(String reason, Instant finishedAt) {
        return toBuilder()
                .status(ExecutionStatus.INTERNAL_ERROR)
                .stdout("")
                .stderr("")
                .compileOutput("")
                .finishedAt(millis(finishedAt))
                .message(reason)
                .build();
    }

    /** The final result of an execution cancelled before it ran. */
    public ExecutionResult cancelled(Instant finishedAt) {
        return toBuilder()
                .status(ExecutionStatus.CANCELLED)
                .stdout("")
                .stderr("")
                .compileOutput("")
                .finishedAt(millis(finishedAt))
                .build();
    }

    @JsonIgnore
    public boolean isFinal() {
        return status.isFinal();
    }

    public static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
