package dev.edc.sandbox;

/** A job running in its sandbox: more input for an interactive program, a stop, and its end. */
public interface SandboxRun {

    /** Gives an interactive program more input, after what it already has. */
    void send(byte[] input);

    /** Ends an interactive program's stdin. */
    void endInput();

    /** Stops the program now (a cancel): the outcome says it was stopped. */
    void stop();

    /**
     * Waits for the end of the run (bounded by the job's limits) and reports what happened; the
     * container is gone afterwards.
     *
     * @throws SandboxException if the sandbox failed (engine gone, runner broken)
     */
    SandboxOutcome await();
}
