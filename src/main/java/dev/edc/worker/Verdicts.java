package dev.edc.worker;

import dev.edc.execution.ExecutionJob;
import dev.edc.execution.ExecutionResult;
import dev.edc.execution.ExecutionStatus;
import dev.edc.execution.Signals;
import dev.edc.execution.TestResult;
import dev.edc.sandbox.SandboxOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Turns what happened in a sandbox into the result a user sees. */
final class Verdicts {

    private Verdicts() {}

    /**
     * @param tests the verdicts of the test cases that ran (none for a single run)
     */
    static ExecutionResult finish(
            ExecutionResult running,
            SandboxOutcome outcome,
            ExecutionJob job,
            List<TestResult> tests,
            Instant finishedAt) {
        ExecutionResult.ExecutionResultBuilder result = running.toBuilder()
                .stdout("")
                .stderr("")
                .compileOutput(compileOutput(outcome.compilation()))
                .memoryKb(memoryKb(outcome))
                .finishedAt(ExecutionResult.millis(finishedAt));
        boolean compileTruncated =
                outcome.compilation() != null && outcome.compilation().outputTruncated();
        if (outcome.stopped() || outcome.runs().stream().anyMatch(SandboxOutcome.Run::stopped)) {
            return result.status(ExecutionStatus.CANCELLED).build();
        }
        if (!outcome.compiled()) {
            return result.status(ExecutionStatus.COMPILATION_ERROR)
                    .outputTruncated(compileTruncated)
                    .tests(job.hasTests() ? List.of() : null)
                    .summary(
                            job.hasTests()
                                    ? new TestResult.Summary(
                                            job.tests().size(), 0, job.tests().size())
                                    : null)
                    .build();
        }
        if (job.hasTests()) {
            return withTests(result, outcome, tests, job, compileTruncated);
        }
        if (outcome.runs().isEmpty()) {
            return result.status(ExecutionStatus.INTERNAL_ERROR)
                    .message("The program did not start")
                    .build();
        }
        SandboxOutcome.Run run = outcome.runs().getFirst();
        ExecutionStatus status = status(run);
        Optional<String> difference = status == ExecutionStatus.SUCCESS
                ? TestVerdicts.difference(job.expectedOutput(), run.stdout(), job)
                : Optional.empty();
        return result.status(difference.isPresent() ? ExecutionStatus.WRONG_ANSWER : status)
                .message(difference.orElse(null))
                .exitCode(run.exitCode())
                .signal(signalName(run.signal()))
                .stdout(run.stdout())
                .stderr(run.stderr())
                .outputTruncated(run.outputTruncated() || compileTruncated)
                .timeMs(run.time().toMillis())
                .build();
    }

    /**
     * SUCCESS when every case passed, else the verdict of the first case that did not. Fewer cases
     * than asked run only when the sandbox died with one (gVisor's kill for memory, the worker's own
     * deadline): that case's verdict says why; with none, the sandbox failed.
     */
    private static ExecutionResult withTests(
            ExecutionResult.ExecutionResultBuilder result,
            SandboxOutcome outcome,
            List<TestResult> tests,
            ExecutionJob job,
            boolean compileTruncated) {
        int passed = (int) tests.stream()
                .filter(test -> test.status() == TestResult.Status.PASSED)
                .count();
        boolean missing = tests.size() < job.tests().size();
        ExecutionStatus status = tests.stream()
                .filter(test -> test.status() != TestResult.Status.PASSED)
                .findFirst()
                .map(test -> test.status().asExecutionStatus())
                .orElse(missing ? ExecutionStatus.INTERNAL_ERROR : ExecutionStatus.SUCCESS);
        return result.status(status)
                .message(
                        status == ExecutionStatus.INTERNAL_ERROR
                                ? "Only " + tests.size() + " of " + job.tests().size() + " test cases ran"
                                : null)
                .timeMs(outcome.runs().stream()
                        .mapToLong(run -> run.time().toMillis())
                        .sum())
                .outputTruncated(compileTruncated || tests.stream().anyMatch(TestResult::outputTruncated))
                .tests(tests)
                .summary(new TestResult.Summary(
                        job.tests().size(), passed, job.tests().size() - passed))
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

    /** The sandbox's peak memory as its cgroup measured it; where it cannot be read, the largest process's. */
    private static Long memoryKb(SandboxOutcome outcome) {
        if (outcome.peakMemoryBytes() != null) {
            return outcome.peakMemoryBytes() / 1024;
        }
        return outcome.runs().stream()
                .mapToLong(SandboxOutcome.Run::maxRssKb)
                .filter(kb -> kb > 0)
                .boxed()
                .max(Long::compare)
                .orElse(null);
    }

    static String signalName(int signal) {
        return signal <= 0 ? null : Signals.name(signal);
    }
}
