package dev.edc.sandbox;

/** Runs one program in a container that no other program ever touched, then destroys it. */
public interface Sandbox {

    /**
     * Runs the input under the spec and reports what happened. A program's failure is an outcome;
     * only a failure of the sandbox itself (engine down, image missing) is an exception.
     *
     * @throws SandboxException if the sandbox could not be made or run
     */
    SandboxOutcome run(SandboxSpec spec, SandboxInput input);
}
