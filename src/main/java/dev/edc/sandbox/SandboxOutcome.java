package dev.edc.sandbox;

import java.time.Duration;

/**
 * What happened in a sandbox, as facts; turning them into a verdict is the caller's business.
 *
 * @param reported            whether the runner reported the end of its preparation (compilation)
 * @param started             whether the preparation succeeded and the program started
 * @param compileOutput       the compiler's messages
 * @param exitCode            the container's exit code; 128+n when signal n ended the program
 * @param stdout              what the program wrote on stdout, decoded as UTF-8 once
 * @param stderr              what it wrote on stderr
 * @param timedOut            the time limit (or the compile bound) ran out and the container was killed
 * @param outputLimitExceeded stdout+stderr passed the cap; the output was cut and the container killed
 * @param memoryLimitHit      the kernel killed a process of the sandbox for memory
 * @param peakMemoryBytes     the sandbox's peak memory, or null if it could not be read
 * @param compileTime         wall time from the payload's arrival to the program's start (compilation)
 * @param runTime             wall time from the program's start to its end
 */
public record SandboxOutcome(
        boolean reported,
        boolean started,
        String compileOutput,
        int exitCode,
        String stdout,
        String stderr,
        boolean timedOut,
        boolean outputLimitExceeded,
        boolean memoryLimitHit,
        Long peakMemoryBytes,
        Duration compileTime,
        Duration runTime) {
}
