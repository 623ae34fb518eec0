package dev.edc.execution;

/** Where an execution stands; every value but {@code QUEUED} and {@code RUNNING} is final. */
public enum ExecutionStatus {
    QUEUED,
    RUNNING,
    SUCCESS,
    COMPILATION_ERROR,
    RUNTIME_ERROR,
    TIME_LIMIT_EXCEEDED,
    MEMORY_LIMIT_EXCEEDED,
    OUTPUT_LIMIT_EXCEEDED,
    /** The program ran, but its output is not the expected one (API.md: Test cases). */
    WRONG_ANSWER,
    /** Stopped, or never run, because its submitter cancelled it. */
    CANCELLED,
    INTERNAL_ERROR;

    public boolean isFinal() {
        return this != QUEUED && this != RUNNING;
    }
}
