package dev.edc.sandbox;

/**
 * Told of a run as it goes, on the thread that reads the container: must not block. Output comes
 * as text, each stream's chunks in order, never splitting a character.
 */
public interface RunListener {

    RunListener NONE = new RunListener() {};

    /** The program's output (case 0 for a single run), within the output cap. */
    default void output(int index, OutputStream stream, String text) {}

    /** A run (a test case) ended. */
    default void runEnded(SandboxOutcome.Run run) {}

    enum OutputStream {
        STDOUT,
        STDERR
    }
}
