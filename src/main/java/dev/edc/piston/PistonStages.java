package dev.edc.piston;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.edc.execution.ExecutionResult;
import dev.edc.execution.ExecutionStatus;
import dev.edc.execution.Signals;
import dev.edc.language.LanguageVersion;

/**
 * EDC's result as Piston's answer: a {@code run} stage and, for a language with a compile step, a
 * {@code compile} stage; when compiling failed, {@code run} is the compile stage, as Piston
 * answers. {@code status} and {@code message} say what isolate would have said ({@code RE},
 * {@code SG}, {@code TO}, {@code OL}, {@code XX}); {@code output} is stdout then stderr (EDC keeps
 * the two streams apart, not their interleaving).
 */
final class PistonStages {

    private PistonStages() {}

    static Execution of(ExecutionResult result, LanguageVersion runtime) {
        String version = PistonVersions.semver(runtime.version());
        boolean compiled = runtime.compile() != null;
        String compilerOutput = result.compileOutput() == null ? "" : result.compileOutput();
        if (result.status() == ExecutionStatus.COMPILATION_ERROR) {
            Stage compile = new Stage(
                    "", compilerOutput, compilerOutput, 1, null, "Exited with error status 1", "RE", null, null);
            return new Execution(runtime.language(), version, compile, compile);
        }
        Stage compile =
                compiled ? new Stage("", compilerOutput, compilerOutput, 0, null, null, null, null, null) : null;
        return new Execution(runtime.language(), version, run(result), compile);
    }

    private static Stage run(ExecutionResult result) {
        String stdout = result.stdout() == null ? "" : result.stdout();
        String stderr = result.stderr() == null ? "" : result.stderr();
        Long memory = result.memoryKb() == null ? null : result.memoryKb() * 1024;
        Integer signal = Signals.number(result.signal()).orElse(null);
        Integer code = signal != null ? null : result.exitCode();
        String signalName = result.signal();
        String status = null;
        String message = null;
        switch (result.status()) {
            case TIME_LIMIT_EXCEEDED -> {
                code = null;
                signalName = "SIGKILL";
                status = "TO";
                message = "Time limit exceeded";
            }
            case MEMORY_LIMIT_EXCEEDED -> {
                code = null;
                signalName = "SIGKILL";
                status = "SG";
                message = "Memory limit exceeded";
            }
            case OUTPUT_LIMIT_EXCEEDED -> {
                code = null;
                signalName = "SIGKILL";
                status = "OL";
                message = "Output limit exceeded";
            }
            case RUNTIME_ERROR -> {
                status = signal != null ? "SG" : "RE";
                message = signal != null ? "Caught fatal signal " + signal : "Exited with error status " + code;
            }
            case INTERNAL_ERROR -> {
                status = "XX";
                message = result.message();
            }
            case CANCELLED -> {
                code = null;
                signalName = "SIGKILL";
                status = "XX";
                message = "Cancelled";
            }
            default -> {}
        }
        return new Stage(stdout, stderr, stdout + stderr, code, signalName, message, status, memory, result.timeMs());
    }

    /** The body of a {@code 200} from {@code POST /api/v2/execute}. */
    record Execution(
            String language,
            String version,
            Stage run,
            @JsonInclude(JsonInclude.Include.NON_NULL) Stage compile) {}

    /** One stage: its output, how it ended, and what it used (memory in bytes, wall time in milliseconds). */
    record Stage(
            String stdout,
            String stderr,
            String output,
            Integer code,
            String signal,
            String message,
            String status,
            Long memory,
            @JsonProperty("wall_time") Long wallTime) {}
}
