package dev.edc.worker;

import dev.edc.execution.ExecutionJob;
import dev.edc.execution.ExecutionProperties;
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

    /** A warm runner runs one program at a time: test cases run by the language's commands. */
    static boolean usesWarmRunner(LanguageVersion language, ExecutionJob job) {
        return !language.warmRunner().isEmpty() && !job.hasTests();
    }

    static SandboxSpec spec(LanguageVersion language, ExecutionJob job) {
        SandboxSpec spec = new SandboxSpec(
                language.image(), language.warmRunner(), job.limits().memoryBytes(), language.pids());
        return usesWarmRunner(language, job) ? spec : spec.withoutWarmRunner();
    }

    /** The container a language's jobs with its default limits run in: what its warm pool keeps. */
    static SandboxSpec defaultSpec(LanguageVersion language) {
        return new SandboxSpec(
                language.image(),
                language.warmRunner(),
                language.limits().memory().toBytes(),
                language.pids());
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
        if (!usesWarmRunner(language, job)) {
            run.compileCommand(language.compile()).runCommand(language.run());
        }
        if (job.hasTests()) {
            job.tests()
                    .forEach(test -> run.testCase(new SandboxJob.TestInput(
                            test.stdin() == null ? new byte[0] : test.stdin().getBytes(StandardCharsets.UTF_8),
                            test.args())));
        }
        if (job.interactive()) {
            // a person types: the time limit counts the program's CPU, the wall clock has its own bound
            run.interactive(true).wallLimit(properties.maxInteractiveTime());
        }
        return run.build();
    }
}
