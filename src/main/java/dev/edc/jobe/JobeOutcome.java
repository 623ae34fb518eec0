package dev.edc.jobe;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.edc.execution.ExecutionResult;

/**
 * The body of a run's {@code 200}: Jobe's result object. Outcomes are Jobe's (ideone's) codes; as in
 * Jobe, a program that wrote to stderr has a runtime error even when it exited 0.
 */
record JobeOutcome(@JsonProperty("run_id") String runId, int outcome, String cmpinfo, String stdout, String stderr) {

    static final int COMPILATION_ERROR = 11;
    static final int RUNTIME_ERROR = 12;
    static final int TIME_LIMIT = 13;
    static final int SUCCESS = 15;
    static final int MEMORY_LIMIT = 17;
    static final int INTERNAL_ERROR = 20;
    static final int SERVER_OVERLOAD = 21;

    /** The answer when this server cannot take or finish the run now: CodeRunner says so and the student tries again. */
    static JobeOutcome overload(String runId) {
        return new JobeOutcome(runId, SERVER_OVERLOAD, "", "", "");
    }

    static JobeOutcome of(ExecutionResult result) {
        String stdout = result.stdout() == null ? "" : result.stdout();
        String stderr = result.stderr() == null ? "" : result.stderr();
        return switch (result.status()) {
            case COMPILATION_ERROR -> new JobeOutcome(result.uuid(), COMPILATION_ERROR, result.compileOutput(), "", "");
            case SUCCESS, WRONG_ANSWER ->
                new JobeOutcome(result.uuid(), stderr.isBlank() ? SUCCESS : RUNTIME_ERROR, "", stdout, stderr);
            case RUNTIME_ERROR, OUTPUT_LIMIT_EXCEEDED ->
                new JobeOutcome(result.uuid(), RUNTIME_ERROR, "", stdout, stderr);
            case TIME_LIMIT_EXCEEDED -> new JobeOutcome(result.uuid(), TIME_LIMIT, "", stdout, stderr);
            case MEMORY_LIMIT_EXCEEDED -> new JobeOutcome(result.uuid(), MEMORY_LIMIT, "", stdout, stderr);
            case INTERNAL_ERROR, CANCELLED ->
                new JobeOutcome(
                        result.uuid(),
                        INTERNAL_ERROR,
                        "",
                        stdout,
                        result.message() == null ? "Cancelled" : result.message());
            case QUEUED, RUNNING -> overload(result.uuid());
        };
    }
}
