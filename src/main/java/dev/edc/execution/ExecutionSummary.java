package dev.edc.execution;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import lombok.Builder;

/**
 * An execution as an operator lists it: its record without the outputs (read those with
 * {@code GET /executions/{uuid}}), and whose it is. Kept in the index of recent executions.
 */
@JsonIgnoreProperties(ignoreUnknown = true) // written by other versions of EDC too
@Builder
public record ExecutionSummary(
        String uuid,

        @Schema(description = "the name of the API key that submitted it; null when API keys are off")
        String owner,

        String language,
        String version,
        ExecutionStatus status,
        Integer exitCode,
        String signal,
        boolean outputTruncated,
        Long timeMs,
        Long memoryKb,
        Instant queuedAt,
        Instant startedAt,
        Instant finishedAt,

        @Schema(description = "why an INTERNAL_ERROR happened; null otherwise")
        String message) {

    public static ExecutionSummary of(ExecutionKey key, ExecutionResult record) {
        return builder()
                .uuid(record.uuid())
                .owner(key.owner().isEmpty() ? null : key.owner())
                .language(record.language())
                .version(record.version())
                .status(record.status())
                .exitCode(record.exitCode())
                .signal(record.signal())
                .outputTruncated(record.outputTruncated())
                .timeMs(record.timeMs())
                .memoryKb(record.memoryKb())
                .queuedAt(record.queuedAt())
                .startedAt(record.startedAt())
                .finishedAt(record.finishedAt())
                .message(record.message())
                .build();
    }

    /** Whose execution it is, as its key names it. */
    @JsonIgnore
    public ExecutionKey key() {
        return new ExecutionKey(owner == null ? ExecutionKey.ANONYMOUS : owner, uuid);
    }

    /** Ended other than in success: what an operator looks at first. */
    @JsonIgnore
    public boolean isFailure() {
        return status.isFinal() && status != ExecutionStatus.SUCCESS;
    }
}
