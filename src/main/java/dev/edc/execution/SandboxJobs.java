package dev.edc.execution;

import dev.edc.language.LanguageVersion;
import dev.edc.sandbox.SandboxJob;
import dev.edc.sandbox.SandboxSpec;
import java.nio.charset.StandardCharsets;

/**
 * What the sandbox is asked to do for a job: the container (its image and the limits it is made
 * with) and the run (files, commands, input, the other limits). A single program goes to the
 * language's warm runner when it has one; everything else runs by the language's commands.
 */
final class SandboxJobs {

    private SandboxJobs() {}

    static boolean usesWarmRunner(LanguageVersion language) {
        return !language.warmRunner().isEmpty();
    }

    static SandboxSpec spec(LanguageVersion language, Limits limits) {
        SandboxSpec spec =
                new SandboxSpec(language.image(), language.warmRunner(), limits.memoryBytes(), language.pids());
        return usesWarmRunner(language) ? spec : spec.withoutWarmRunner();
    }

    /** The container a language's jobs with its default limits run in: what its warm pool keeps. */
    static SandboxSpec defaultSpec(LanguageVersion language) {
        return spec(
                language,
                new Limits(
                        language.limits().time().toMillis(),
                        language.limits().memory().toMegabytes(),
                        language.limits().output().toKilobytes()));
    }

    static SandboxJob job(ExecutionJob job, LanguageVersion language, ExecutionProperties properties) {
        SandboxJob.SandboxJobBuilder run = SandboxJob.builder()
                .executionId(job.uuid())
                .stdin(job.stdin() == null ? null : job.stdin().getBytes(StandardCharsets.UTF_8))
                .args(job.args())
                .timeLimit(job.limits().time())
                .outputBytes(job.limits().outputBytes())
                .compileTimeout(language.compileTimeout())
                .compileOutputBytes(properties.compileOutput().toBytes());
        job.files()
                .forEach(file -> run.file(
                        new SandboxJob.SourceFile(file.name(), file.content().getBytes(StandardCharsets.UTF_8))));
        if (!usesWarmRunner(language)) {
            run.compileCommand(language.compile()).runCommand(language.run());
        }
        return run.build();
    }
}
