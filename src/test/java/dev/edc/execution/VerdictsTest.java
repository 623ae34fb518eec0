package dev.edc.execution;

import dev.edc.sandbox.SandboxOutcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictsTest {

    @Test
    void shouldNameTheVerdictFromWhatHappened() {
        assertThat(Verdicts.status(outcome(true, true, 0, false, false, false))).isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(Verdicts.status(outcome(true, true, 1, false, false, false))).isEqualTo(ExecutionStatus.RUNTIME_ERROR);
        assertThat(Verdicts.status(outcome(true, false, 1, false, false, false))).isEqualTo(ExecutionStatus.COMPILATION_ERROR);
        assertThat(Verdicts.status(outcome(true, true, 137, true, false, false))).isEqualTo(ExecutionStatus.TIME_LIMIT_EXCEEDED);
        assertThat(Verdicts.status(outcome(false, false, 137, true, false, false))).as("compilation past its bound")
                .isEqualTo(ExecutionStatus.TIME_LIMIT_EXCEEDED);
        assertThat(Verdicts.status(outcome(true, true, 137, false, true, false))).isEqualTo(ExecutionStatus.OUTPUT_LIMIT_EXCEEDED);
        assertThat(Verdicts.status(outcome(true, true, 137, false, false, true))).isEqualTo(ExecutionStatus.MEMORY_LIMIT_EXCEEDED);
        assertThat(Verdicts.status(outcome(true, true, 0, false, false, true))).as("a child was OOM-killed but the program succeeded")
                .isEqualTo(ExecutionStatus.SUCCESS);
        assertThat(Verdicts.status(outcome(false, false, 1, false, false, false))).as("the runner died before reporting")
                .isEqualTo(ExecutionStatus.INTERNAL_ERROR);
    }

    @Test
    void shouldNameTheSignalThatEndedAProgram() {
        assertThat(Verdicts.signalName(139)).isEqualTo("SIGSEGV");
        assertThat(Verdicts.signalName(134)).isEqualTo("SIGABRT");
        assertThat(Verdicts.signalName(137)).isEqualTo("SIGKILL");
        assertThat(Verdicts.signalName(1)).isNull();
        assertThat(Verdicts.signalName(255)).isNull();
    }

    private static SandboxOutcome outcome(boolean reported, boolean started, int exit, boolean timedOut, boolean cut, boolean oom) {
        return new SandboxOutcome(reported, started, "", exit, "", "", timedOut, cut, oom, 1024L, Duration.ZERO, Duration.ofMillis(5));
    }
}
