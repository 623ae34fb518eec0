package dev.edc.execution;

import dev.edc.sandbox.SandboxOutcome;

import java.time.Instant;
import java.util.Map;

/** Turns what happened in a sandbox into the result a user sees. */
final class Verdicts {

    private static final Map<Integer, String> SIGNALS = Map.ofEntries(
            Map.entry(1, "SIGHUP"), Map.entry(2, "SIGINT"), Map.entry(3, "SIGQUIT"), Map.entry(4, "SIGILL"),
            Map.entry(5, "SIGTRAP"), Map.entry(6, "SIGABRT"), Map.entry(7, "SIGBUS"), Map.entry(8, "SIGFPE"),
            Map.entry(9, "SIGKILL"), Map.entry(10, "SIGUSR1"), Map.entry(11, "SIGSEGV"), Map.entry(12, "SIGUSR2"),
            Map.entry(13, "SIGPIPE"), Map.entry(14, "SIGALRM"), Map.entry(15, "SIGTERM"), Map.entry(24, "SIGXCPU"),
            Map.entry(25, "SIGXFSZ"), Map.entry(31, "SIGSYS"));

    private Verdicts() {
    }

    static ExecutionResult finish(ExecutionResult running, SandboxOutcome outcome, Instant finishedAt) {
        ExecutionStatus status = status(outcome);
        Integer exitCode = outcome.started() || outcome.timedOut() ? outcome.exitCode() : null;
        String signal = exitCode != null ? signalName(exitCode) : null;
        Long timeMs = outcome.started() ? outcome.runTime().toMillis() : null;
        Long memoryKb = outcome.peakMemoryBytes() != null ? outcome.peakMemoryBytes() / 1024 : null;
        String message = status == ExecutionStatus.INTERNAL_ERROR
                ? "The runner stopped before the program could start (exit code " + outcome.exitCode() + ")" : null;
        return new ExecutionResult(running.uuid(), running.language(), running.version(), status, exitCode, signal,
                outcome.stdout(), outcome.stderr(), outcome.compileOutput(), outcome.outputLimitExceeded(), timeMs,
                memoryKb, running.queuedAt(), running.startedAt(), ExecutionResult.millis(finishedAt), message);
    }

    static ExecutionStatus status(SandboxOutcome outcome) {
        if (outcome.outputLimitExceeded()) {
            return ExecutionStatus.OUTPUT_LIMIT_EXCEEDED;
        }
        if (outcome.timedOut()) {
            return ExecutionStatus.TIME_LIMIT_EXCEEDED;
        }
        if (outcome.memoryLimitHit() && outcome.exitCode() != 0) {
            return ExecutionStatus.MEMORY_LIMIT_EXCEEDED;
        }
        if (!outcome.started()) {
            return outcome.reported() ? ExecutionStatus.COMPILATION_ERROR : ExecutionStatus.INTERNAL_ERROR;
        }
        return outcome.exitCode() == 0 ? ExecutionStatus.SUCCESS : ExecutionStatus.RUNTIME_ERROR;
    }

    /** The signal that ended a process whose exit code is 128+n, as shells and Docker report it. */
    static String signalName(int exitCode) {
        if (exitCode <= 128 || exitCode > 128 + 64) {
            return null;
        }
        return SIGNALS.getOrDefault(exitCode - 128, "SIG" + (exitCode - 128));
    }
}
