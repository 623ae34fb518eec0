package dev.edc.sandbox;

import java.time.Duration;
import java.util.List;

/**
 * What to run and under which limits. The sandbox knows nothing of languages: an image whose
 * runner speaks EDC's stdin protocol, its command, and numbers.
 *
 * @param executionId  names the run in labels and logs
 * @param image        runner image
 * @param command      command to run instead of the image's CMD (empty: the CMD)
 * @param memoryBytes  memory limit, swap included
 * @param pids         processes and threads limit
 * @param timeLimit    wall-clock limit of the program, from the moment it starts
 * @param outputBytes  cap on stdout+stderr together
 */
public record SandboxSpec(
        String executionId,
        String image,
        List<String> command,
        long memoryBytes,
        int pids,
        Duration timeLimit,
        long outputBytes) {
}
