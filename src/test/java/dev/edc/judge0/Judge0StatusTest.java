package dev.edc.judge0;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edc.execution.ExecutionResult;
import dev.edc.execution.ExecutionStatus;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Judge0StatusTest {

    @ParameterizedTest(name = "{0} {1} is {2}")
    @CsvSource(
            nullValues = "-",
            value = {
                "QUEUED, -, 1, In Queue",
                "RUNNING, -, 2, Processing",
                "SUCCESS, -, 3, Accepted",
                "WRONG_ANSWER, -, 4, Wrong Answer",
                "TIME_LIMIT_EXCEEDED, SIGKILL, 5, Time Limit Exceeded",
                "COMPILATION_ERROR, -, 6, Compilation Error",
                "RUNTIME_ERROR, SIGSEGV, 7, Runtime Error (SIGSEGV)",
                "RUNTIME_ERROR, SIGXFSZ, 8, Runtime Error (SIGXFSZ)",
                "OUTPUT_LIMIT_EXCEEDED, SIGKILL, 8, Runtime Error (SIGXFSZ)",
                "RUNTIME_ERROR, SIGFPE, 9, Runtime Error (SIGFPE)",
                "RUNTIME_ERROR, SIGABRT, 10, Runtime Error (SIGABRT)",
                "RUNTIME_ERROR, -, 11, Runtime Error (NZEC)",
                "RUNTIME_ERROR, SIGBUS, 12, Runtime Error (Other)",
                "RUNTIME_ERROR, SIG40, 12, Runtime Error (Other)",
                "MEMORY_LIMIT_EXCEEDED, SIGKILL, 12, Runtime Error (Other)",
                "INTERNAL_ERROR, -, 13, Internal Error",
                "CANCELLED, SIGKILL, 13, Internal Error"
            })
    void shouldGiveEachResultTheStatusJudge0WouldHaveGivenIt(
            ExecutionStatus status, String signal, int id, String description) {
        ExecutionResult result = ExecutionResult.queued("u", "c", "14", Instant.EPOCH).toBuilder()
                .status(status)
                .signal(signal)
                .build();

        Judge0Status judge0 = Judge0Status.of(result);

        assertThat(judge0.id()).isEqualTo(id);
        assertThat(judge0.description()).isEqualTo(description);
    }
}
