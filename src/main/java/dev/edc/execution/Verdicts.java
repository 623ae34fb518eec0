package dev.edc.execution;

import dev.edc.sandbox.SandboxOutcome;
import java.time.Instant;

/** Turns what happened in a sandbox into the result a user sees. */
final class Verdicts {

    private Verdicts() {}

    static ExecutionResult finish(ExecutionResult running, SandboxOutcome outcome, Instant finishedAt) {
        ExecutionResult.ExecutionResultBuilder result = running.toBuilder()
                .stdout("")
                .stderr("")
                .compileOutput(compileOutput(outcome.compilation()))
                .finishedAt(ExecutionResult.millis(finishedAt));
        if (!outcome.compiled()) {
            return result.status(ExecutionStatus.COMPILATION_ERROR)
                    .outputTruncated(outcome.compilation().outputTruncated())
                    .memoryKb(memoryKb(outcome, null))
                    .build();
        }
        if (outcome.runs().isEmpty()) {
            return result.status(ExecutionStatus.INTERNAL_ERROR)
                    .message("The program did not start")
                    .build();
        }
        SandboxOutcome.Run run = outcome.runs().getFirst();
        return result.status(status(run))
                .exitCode(run.exitCode())
                .signal(signalName(run.signal()))
                .stdout(run.stdout())
                .stderr(run.stderr())
                .outputTruncated(run.outputTruncated()
                        || outcome.compilation() != null
                                && outcome.compilation().outputTruncated())
                .timeMs(run.time().toMillis())
                .memoryKb(memoryKb(outcome, run))
                .build();
    }

    static ExecutionStatus status(SandboxOutcome.Run run) {
        if (run.outputTruncated()) {
            return ExecutionStatus.OUTPUT_LIMIT_EXCEEDED;
        }
        if (run.timedOut()) {
            return ExecutionStatus.TIME_LIMIT_EXCEEDED;
        }
        if (run.memoryExceeded() && run.exitCode() != 0) {
            return ExecutionStatus.MEMORY_LIMIT_EXCEEDED;
        }
        return run.exitCode() == 0 ? ExecutionStatus.SUCCESS : ExecutionStatus.RUNTIME_ERROR;
    }

    /** The compiler's messages, with a last line saying so when EDC stopped it. */
    private static String compileOutput(SandboxOutcome.Compilation compilation) {
        if (compilation == null) {
            return "";
        }
        if (compilation.timedOut()) {
            return compilation.output() + "\nedc: compilation stopped after "
                    + compilation.time().toSeconds() + " s\n";
        }
        if (compilation.outOfMemory()) {
            return compilation.output() + "\nedc: the compiler ran out of memory (raise limits.memoryMb)\n";
        }
        return compilation.output();
    }

    /** The sandbox's peak memory as its cgroup measured it; where it cannot be read, the run's largest process. */
    private static Long memoryKb(SandboxOutcome outcome, SandboxOutcome.Run run) {
        if (outcome.peakMemoryBytes() != null) {
            return outcome.peakMemoryBytes() / 1024;
        }
        return run != null && run.maxRssKb() > 0 ? run.maxRssKb() : null;
    }

    static String signalName(int signal) {
        return signal <= 0 ? null : Signals.name(signal);
    }
}
