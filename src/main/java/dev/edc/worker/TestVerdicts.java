package dev.edc.worker;

import dev.edc.execution.Compare;
import dev.edc.execution.ExecutionJob;
import dev.edc.execution.TestCase;
import dev.edc.execution.TestResult;
import dev.edc.sandbox.SandboxOutcome;
import java.util.Optional;

/** A test case's verdict from its run, and the expected output if it has one. */
final class TestVerdicts {

    static final double DEFAULT_EPSILON = 1e-6;

    private TestVerdicts() {}

    static TestResult judge(SandboxOutcome.Run run, TestCase test, ExecutionJob job) {
        Optional<String> difference = Optional.empty();
        TestResult.Status status;
        if (run.outputTruncated()) {
            status = TestResult.Status.OUTPUT_LIMIT_EXCEEDED;
        } else if (run.timedOut()) {
            status = TestResult.Status.TIME_LIMIT_EXCEEDED;
        } else if (run.memoryExceeded() && run.exitCode() != 0) {
            status = TestResult.Status.MEMORY_LIMIT_EXCEEDED;
        } else if (run.exitCode() != 0) {
            status = TestResult.Status.RUNTIME_ERROR;
        } else {
            difference = difference(test.expectedOutput(), run.stdout(), job);
            status = difference.isPresent() ? TestResult.Status.WRONG_ANSWER : TestResult.Status.PASSED;
        }
        return new TestResult(
                run.index(),
                test.name(),
                status,
                run.stdout(),
                run.stderr(),
                run.exitCode(),
                Verdicts.signalName(run.signal()),
                run.time().toMillis(),
                run.maxRssKb(),
                run.outputTruncated(),
                difference.orElse(null));
    }

    /** Where the output differs from the expected one, if one is expected and it differs. */
    static Optional<String> difference(String expected, String actual, ExecutionJob job) {
        if (expected == null) {
            return Optional.empty();
        }
        Compare compare = job.compare() == null ? Compare.EXACT : job.compare();
        return Comparison.difference(
                expected, actual, compare, job.epsilon() == null ? DEFAULT_EPSILON : job.epsilon());
    }
}
