package dev.edc.sandbox;

import java.time.Duration;
import java.util.List;
import lombok.Builder;
import lombok.NonNull;
import lombok.Singular;

/**
 * What one run is given (runners/PROTOCOL.md, "The job"): the program's files and how to compile
 * and run them, its input, and the limits that apply to it rather than to its container.
 *
 * @param executionId        names the run in labels and logs
 * @param files              the program's files, the entry point first
 * @param compileCommand     shell command that compiles the files in {@code /box}; null: no compile step
 * @param runCommand         shell command that runs the program; null: the spec's warm runner runs it
 * @param stdin              the program's stdin (each case has its own)
 * @param args               the program's arguments (a case may have its own)
 * @param cases              test cases, each run as a fresh process after one compilation; empty: one run
 * @param interactive        stdin stays open after {@code stdin}, for {@link SandboxRun#send}
 * @param timeLimit          wall-clock limit of each run (for an interactive run: its CPU time)
 * @param wallLimit          wall-clock bound of an interactive run; null otherwise
 * @param outputBytes        cap on each run's stdout+stderr together
 * @param compileTimeout     bound on the compilation
 * @param compileOutputBytes cap on the compiler's messages
 */
@Builder
public record SandboxJob(
        @NonNull String executionId,
        @Singular List<SourceFile> files,
        String compileCommand,
        String runCommand,
        byte[] stdin,
        @Singular List<String> args,
        @Singular("testCase") List<TestInput> cases,
        boolean interactive,
        @NonNull Duration timeLimit,
        Duration wallLimit,
        long outputBytes,
        @NonNull Duration compileTimeout,
        long compileOutputBytes) {

    public SandboxJob {
        stdin = stdin == null ? new byte[0] : stdin;
    }

    /** How long the whole run may take before the worker stops it itself: the job's own bounds, and some slack. */
    Duration bound() {
        Duration perRun = wallLimit != null ? wallLimit : timeLimit;
        Duration runs = perRun.plusSeconds(1).multipliedBy(Math.max(1, cases.size()));
        return compileTimeout.plus(runs).plusSeconds(2);
    }

    /** A file of the program: a relative path of {@code [A-Za-z0-9._-]} segments, and its bytes. */
    public record SourceFile(String path, byte[] content) {}

    /** One test case's input: its stdin, and its own arguments (null: the job's). */
    public record TestInput(byte[] stdin, List<String> args) {}
}
