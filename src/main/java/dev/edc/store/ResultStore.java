package dev.edc.store;

import dev.edc.execution.ExecutionResult;

import java.util.Optional;

/** The one shared state of EDC: one record per execution, kept for a bounded time. */
public interface ResultStore {

    /** Stores a new record; false if its uuid is already taken. Atomic across all nodes. */
    boolean create(ExecutionResult record);

    /** Replaces an existing record (a status change or the final result), renewing its time to live. */
    void update(ExecutionResult record);

    Optional<ExecutionResult> find(String uuid);

    void delete(String uuid);
}
