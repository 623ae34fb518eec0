package dev.edc.execution;

/** Tells the worker running an execution that its submitter steered it: new input, or a cancel. */
public interface ControlSignals {

    void send(ExecutionKey key, Kind kind);

    enum Kind {
        INPUT,
        CANCEL
    }
}
