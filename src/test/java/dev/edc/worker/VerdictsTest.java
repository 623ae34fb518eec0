package dev.edc.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edc.execution.ExecutionJob;
import dev.edc.execution.ExecutionResult;
import dev.edc.execution.ExecutionStatus;
import dev.edc.execution.TestCase;
import dev.edc.execution.TestResult;
import dev.edc.sandbox.SandboxOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictsTest {

    private static final ExecutionJob JOB =
            ExecutionJob.builder().uuid("v").language("java").version("17").build();
    private static final ExecutionResult RUNNING =
            ExecutionResult.queued("v", "java", "17", Instant.EPOCH).running(Instant.EPOCH);

    @Test
    void shouldNameTheVerdictFromWhatHappened() {
        assertThat(Verdicts.status(run(0, 0, false, false, false))).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(Verdicts.status(run(1, 0, false, false, false))).isEqualTo(ExecutionStatus.RUNTIME_ERROR);
        assertThat(Verdicts.status(run(137, 9, true, false, false))).isEqualTo(ExecutionStatus.TIME_LIMIT_EXCEEDED);
        assertThat(Verdicts.status(run(137, 9, false, true, false))).isEqualTo(ExecutionStatus.OUTPUT_LIMIT_EXCEEDED);
        assertThat(Verdicts.status(run(137, 9, false, false, true))).isEqualTo(ExecutionStatus.MEMORY_LIMIT_EXCEEDED);
        assertThat(Verdicts.status(run(0, 0, false, false, true)))
                .as("a child was OOM-killed but the program succeeded")
                .isEqualTo(ExecutionStatus.SUCCESS);
    }

    @Test
    void shouldReportAFailedCompilationWithTheCompilersMessagesAndNoRun() {
        SandboxOutcome outcome = new SandboxOutcome(
                new SandboxOutcome.Compilation(
                        false, "Main.java:1: error: ';' expected\n", false, false, false, Duration.ofMillis(300)),
                List.of(),
                50L << 20,
                false);

        ExecutionResult result = Verdicts.finish(RUNNING, outcome, JOB, List.of(), Instant.EPOCH);

        assertThat(result.status()).isEqualTo(ExecutionStatus.COMPILATION_ERROR);
        assertThat(result.compileOutput()).isEqualTo("Main.java:1: error: ';' expected\n");
        assertThat(result.exitCode()).isNull();
        assertThat(result.timeMs()).isNull();
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void shouldCallAJobCancelledBeforeItsProgramStartedCancelledNotAFailure() {
        SandboxOutcome beforeStart = new SandboxOutcome(null, List.of(), 20L << 20, true);
        SandboxOutcome duringCompilation = new SandboxOutcome(
                new SandboxOutcome.Compilation(false, "", false, false, false, Duration.ofMillis(90)),
                List.of(),
                null,
                true);

        assertThat(Verdicts.finish(RUNNING, beforeStart, JOB, List.of(), Instant.EPOCH)
                        .status())
                .isEqualTo(ExecutionStatus.CANCELLED);
        assertThat(Verdicts.finish(RUNNING, duringCompilation, JOB, List.of(), Instant.EPOCH)
                        .status())
                .as("a compiler killed by the cancel is no compilation error")
                .isEqualTo(ExecutionStatus.CANCELLED);
    }

    @Test
    void shouldKeepTheResultOfAProgramThatEndedBeforeTheCancelReachedIt() {
        SandboxOutcome ended = new SandboxOutcome(null, List.of(run(0, 0, false, false, false)), 1L << 20, false);

        assertThat(Verdicts.finish(RUNNING, ended, JOB, List.of(), Instant.EPOCH)
                        .status())
                .isEqualTo(ExecutionStatus.SUCCESS);
    }

    @Test
    void shouldSayWhenTheCompilerWasStoppedAtItsBound() {
        SandboxOutcome outcome = new SandboxOutcome(
                new SandboxOutcome.Compilation(false, "", false, true, false, Duration.ofSeconds(15)),
                List.of(),
                null,
                false);

        assertThat(Verdicts.finish(RUNNING, outcome, JOB, List.of(), Instant.EPOCH)
                        .compileOutput())
                .contains("compilation stopped after 15 s");
    }

    @Test
    void shouldTakeTheSignalAsReportedNotGuessedFromTheExitCode() {
        SandboxOutcome exited137 = new SandboxOutcome(null, List.of(run(137, 0, false, false, false)), 1L << 20, false);
        SandboxOutcome segfault = new SandboxOutcome(null, List.of(run(139, 11, false, false, false)), 1L << 20, false);

        assertThat(Verdicts.finish(RUNNING, exited137, JOB, List.of(), Instant.EPOCH)
                        .signal())
                .as("exit(137) is no kill")
                .isNull();
        assertThat(Verdicts.finish(RUNNING, segfault, JOB, List.of(), Instant.EPOCH)
                        .signal())
                .isEqualTo("SIGSEGV");
        assertThat(Verdicts.finish(RUNNING, segfault, JOB, List.of(), Instant.EPOCH)
                        .memoryKb())
                .isEqualTo(1024);
    }

    @Test
    void shouldGiveTheVerdictOfTheCaseWhoseSandboxDiedWithItWhenTheRestDidNotRun() {
        ExecutionJob job = JOB.toBuilder()
                .tests(List.of(
                        new TestCase("a", "", null, null),
                        new TestCase("b", "", null, null),
                        new TestCase("c", "", null, null)))
                .build();
        SandboxOutcome.Run passed = run(0, 0, false, false, false);
        SandboxOutcome.Run killed = new SandboxOutcome.Run(
                1, 137, 9, "", "", false, false, true, false, Duration.ofMillis(80), Duration.ZERO, 0);
        SandboxOutcome outcome = new SandboxOutcome(null, List.of(passed, killed), 256L << 20, false);
        List<TestResult> tests = List.of(
                TestVerdicts.judge(passed, job.tests().get(0), job),
                TestVerdicts.judge(killed, job.tests().get(1), job));

        ExecutionResult result = Verdicts.finish(RUNNING, outcome, job, tests, Instant.EPOCH);

        assertThat(result.status()).isEqualTo(ExecutionStatus.MEMORY_LIMIT_EXCEEDED);
        assertThat(result.message()).isNull();
        assertThat(result.summary()).isEqualTo(new TestResult.Summary(3, 1, 2));
        assertThat(Verdicts.finish(RUNNING, outcome, job, tests.subList(0, 1), Instant.EPOCH)
                        .status())
                .as("fewer cases ran, and none failed: the sandbox failed")
                .isEqualTo(ExecutionStatus.INTERNAL_ERROR);
    }

    @Test
    void shouldNameSignals() {
        assertThat(Verdicts.signalName(11)).isEqualTo("SIGSEGV");
        assertThat(Verdicts.signalName(6)).isEqualTo("SIGABRT");
        assertThat(Verdicts.signalName(9)).isEqualTo("SIGKILL");
        assertThat(Verdicts.signalName(0)).isNull();
        assertThat(Verdicts.signalName(40)).isEqualTo("SIG40");
    }

    private static SandboxOutcome.Run run(int exit, int signal, boolean timedOut, boolean truncated, boolean oom) {
        return new SandboxOutcome.Run(
                0,
                exit,
                signal,
                "",
                "",
                truncated,
                timedOut,
                oom,
                false,
                Duration.ofMillis(5),
                Duration.ofMillis(4),
                1000);
    }
}
