package dev.edc.sandbox;

import java.util.List;

/**
 * What a sandbox container is fixed to when it is made: containers of one spec are
 * interchangeable, so a warm one made ahead of demand can serve any job of that spec. The sandbox
 * knows nothing of languages: an image, maybe a warm runner, and numbers.
 *
 * @param image       runner image
 * @param warmRunner  command of a runner that starts with the container and waits for its job
 *                    (runners/PROTOCOL.md, "Warm runners"); empty: jobs run by their commands
 * @param memoryBytes memory limit, swap included
 * @param pids        processes and threads limit
 */
public record SandboxSpec(String image, List<String> warmRunner, long memoryBytes, int pids) {

    public SandboxSpec {
        warmRunner = List.copyOf(warmRunner);
    }

    /** The same container without its warm runner: for jobs run by their commands. */
    public SandboxSpec withoutWarmRunner() {
        return new SandboxSpec(image, List.of(), memoryBytes, pids);
    }
}
