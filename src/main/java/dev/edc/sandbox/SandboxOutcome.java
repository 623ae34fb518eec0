package dev.edc.sandbox;

import java.time.Duration;
import java.util.List;

/**
 * What happened in a sandbox, as facts the init reported; {@code dev.edc.execution.Verdicts} says
 * what they mean. The program could change none of them (runners/PROTOCOL.md, "Trust").
 *
 * @param compilation     the compile step, or null when there was none
 * @param runs            one per run (one, or one per test case that ran); none when the compilation failed
 * @param peakMemoryBytes the container's peak memory (compilation included), or null if unknown
 * @param stopped         a stop from outside (a cancel) cut the job short: it killed the compiler or
 *                        a run, or came before a step began; false when the job had ended on its own
 */
public record SandboxOutcome(Compilation compilation, List<Run> runs, Long peakMemoryBytes, boolean stopped) {

    public SandboxOutcome {
        runs = List.copyOf(runs);
    }

    /** Whether the program got to run (it compiled, or needed no compiling). */
    public boolean compiled() {
        return compilation == null || compilation.succeeded();
    }

    /**
     * The compile step.
     *
     * @param succeeded       the compiler exited 0 within its bounds
     * @param output          its messages (stdout and stderr), cut at the cap
     * @param outputTruncated the messages passed the cap (the compiler was stopped)
     * @param timedOut        it passed its time bound
     * @param outOfMemory     the kernel killed it for memory
     * @param time            how long it took
     */
    public record Compilation(
            boolean succeeded,
            String output,
            boolean outputTruncated,
            boolean timedOut,
            boolean outOfMemory,
            Duration time) {}

    /**
     * One run of the program.
     *
     * @param index           its test case (0 for a single run)
     * @param exitCode        its exit code, 128+n when a signal n ended it
     * @param signal          the signal that ended it, or 0
     * @param stdout          what it wrote on stdout, cut at the cap
     * @param stderr          what it wrote on stderr, cut at the cap
     * @param outputTruncated stdout+stderr passed the cap (the program was stopped)
     * @param timedOut        it passed its time limit (it was killed)
     * @param memoryExceeded  the kernel killed a process of it for memory
     * @param stopped         it was stopped from outside (a cancel)
     * @param time            its wall time
     * @param cpuTime         its CPU time
     * @param maxRssKb        the largest resident size of any of its processes
     */
    public record Run(
            int index,
            int exitCode,
            int signal,
            String stdout,
            String stderr,
            boolean outputTruncated,
            boolean timedOut,
            boolean memoryExceeded,
            boolean stopped,
            Duration time,
            Duration cpuTime,
            long maxRssKb) {}
}
