package dev.edc.execution;

/** Tells every API node that an execution changed: a status while it runs, then its result. */
public interface ExecutionEvents {

    void announce(ExecutionKey key, ExecutionResult record);
}
