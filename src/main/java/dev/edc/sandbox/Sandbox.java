package dev.edc.sandbox;

/** Runs programs in containers that no other program ever touched, each destroyed after its run. */
public interface Sandbox {

    /**
     * Starts the job in a container made to the spec (a warm one when one waits). A program's
     * failure is an outcome; only a failure of the sandbox itself (engine down, image missing) is
     * an exception, from here or from {@link SandboxRun#await()}.
     *
     * @param listener told of the run as it goes (output, cases), on the thread reading the container
     * @throws SandboxException if no container could be made or started
     */
    SandboxRun start(SandboxSpec spec, SandboxJob job, RunListener listener);

    /**
     * Lets the warm pool (when on) keep containers of this spec started ahead of demand, so that
     * its jobs pay neither container creation nor runtime start: at least {@code floor} while its
     * jobs come, as many as its recent bursts took.
     */
    void keepWarm(SandboxSpec spec, int floor);

    /** Containers waiting in the warm pool now. */
    int warmContainers();

    /**
     * Whether the Docker engine answers now: after a failure, tells the engine's fault (the job is
     * not to blame and should wait) from a sandbox's.
     */
    boolean engineReachable();

    /** Rebuilds a runner image found missing, in the background (once, however often asked). */
    void rebuild(String image);

    /** Runs the job to its end. */
    default SandboxOutcome run(SandboxSpec spec, SandboxJob job) {
        return start(spec, job, RunListener.NONE).await();
    }
}
