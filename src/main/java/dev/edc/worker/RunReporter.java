package dev.edc.worker;

import dev.edc.execution.ExecutionEvents;
import dev.edc.execution.ExecutionJob;
import dev.edc.execution.OutputChunk;
import dev.edc.execution.TestResult;
import dev.edc.sandbox.RunListener;
import dev.edc.sandbox.SandboxOutcome;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells a run's watchers what happens as it happens: its output, and each test case's verdict as
 * soon as the case ends.
 */
final class RunReporter implements RunListener {

    private final ExecutionEvents.EventStream stream;
    private final ExecutionJob job;
    private final List<TestResult> tests = new CopyOnWriteArrayList<>();

    RunReporter(ExecutionEvents.EventStream stream, ExecutionJob job) {
        this.stream = stream;
        this.job = job;
    }

    @Override
    public void output(int index, OutputStream from, String text) {
        stream.output(from == OutputStream.STDOUT ? OutputChunk.Stream.STDOUT : OutputChunk.Stream.STDERR, text);
    }

    @Override
    public void runEnded(SandboxOutcome.Run run) {
        if (job.hasTests() && run.index() < job.tests().size()) {
            TestResult verdict = TestVerdicts.judge(run, job.tests().get(run.index()), job);
            tests.add(verdict);
            stream.test(verdict);
        }
    }

    /** The verdicts of the cases that ran, in order. */
    List<TestResult> tests() {
        return List.copyOf(tests);
    }
}
