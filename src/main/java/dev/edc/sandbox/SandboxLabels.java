package dev.edc.sandbox;

/** Labels every sandbox container carries, so that leftovers can be found and removed. */
final class SandboxLabels {

    /** Marks a container as an EDC sandbox. */
    static final String SANDBOX = "dev.edc.sandbox";
    /** The execution a container runs. */
    static final String EXECUTION = "dev.edc.execution";
    /** The worker process that made the container. */
    static final String WORKER = "dev.edc.worker";
    /** Epoch second after which the container is garbage, whoever made it. */
    static final String DEADLINE = "dev.edc.deadline";
    /** Marks a container started ahead of demand, waiting in the warm pool. */
    static final String POOL = "dev.edc.pool";

    private SandboxLabels() {}
}
