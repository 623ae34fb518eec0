package dev.edc.execution;

import java.util.List;
import java.util.Optional;

/**
 * What lets a submitter steer a running execution, kept beside its record and for as long: the
 * digest of its control token, its input so far, and whether it was cancelled.
 */
public interface ExecutionControls {

    void create(ExecutionKey key, Control control);

    Optional<Control> find(ExecutionKey key);

    /**
     * Appends input for the program (in order, whichever node receives it).
     *
     * @return false if it would take the execution's input past {@code maxBytes} (nothing appended)
     */
    boolean appendInput(ExecutionKey key, byte[] input, long maxBytes);

    /** Marks the end of the program's input. */
    void endInput(ExecutionKey key);

    /** The input from the {@code from}-th piece on: bytes, or an empty array for the end. */
    List<byte[]> input(ExecutionKey key, int from);

    void cancel(ExecutionKey key);

    boolean isCancelled(ExecutionKey key);

    /** @param tokenDigest the control token's digest ({@link ControlToken}) */
    record Control(String tokenDigest, boolean interactive) {}
}
