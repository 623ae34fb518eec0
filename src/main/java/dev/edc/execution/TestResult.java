package dev.edc.execution;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The verdict of one test case (API.md: Test cases): in the result's {@code tests}, and pushed on
 * {@code /topic/tests/{uuid}} as soon as it is known.
 */
@JsonIgnoreProperties(ignoreUnknown = true) // written by other versions of EDC too
public record TestResult(
        int index,
        String name,

        @Schema(
                description =
                        "PASSED, WRONG_ANSWER, RUNTIME_ERROR, TIME_LIMIT_EXCEEDED, MEMORY_LIMIT_EXCEEDED or OUTPUT_LIMIT_EXCEEDED")
        Status status,

        String stdout,
        String stderr,
        Integer exitCode,
        String signal,
        Long timeMs,
        Long memoryKb,
        boolean outputTruncated,

        @Schema(description = "for WRONG_ANSWER: where the output first differs from the expected one")
        String difference) {

    /** A case's verdict. */
    public enum Status {
        PASSED,
        WRONG_ANSWER,
        RUNTIME_ERROR,
        TIME_LIMIT_EXCEEDED,
        MEMORY_LIMIT_EXCEEDED,
        OUTPUT_LIMIT_EXCEEDED;

        /** The execution's status when this is the first case that did not pass. */
        public ExecutionStatus asExecutionStatus() {
            return this == PASSED ? ExecutionStatus.SUCCESS : ExecutionStatus.valueOf(name());
        }
    }

    /** How many cases passed. */
    public record Summary(int total, int passed, int failed) {}
}
