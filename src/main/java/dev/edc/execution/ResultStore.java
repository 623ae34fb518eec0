package dev.edc.execution;

import java.util.Optional;

/** The one shared state of EDC: one record per execution, kept for a bounded time. */
public interface ResultStore {

    /** Stores a new record; false if its key is already taken. Atomic across all nodes. */
    boolean create(ExecutionKey key, ExecutionResult record);

    /** Replaces an existing record (a status change or the final result), renewing its time to live. */
    void update(ExecutionKey key, ExecutionResult record);

    Optional<ExecutionResult> find(ExecutionKey key);

    /** Replaces the record only if it is still in this status (atomically); false if it is not. */
    boolean replaceIf(ExecutionKey key, ExecutionStatus expected, ExecutionResult record);

    void delete(ExecutionKey key);
}
