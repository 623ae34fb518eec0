package dev.edc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.edc.IntegrationTest;
import dev.edc.language.LanguageRegistry;
import dev.edc.language.LanguageVersion;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The init against a worker that takes its report slowly (a loaded engine's attach stream): it must
 * keep reading the program's output, count it and stop a flood at the output limit at once, not
 * when the worker catches up (the run's clock goes on meanwhile). The runner image is started by
 * hand, its init's report piped through a reader that takes nothing for three seconds, and the
 * program run as JavaScript's test cases are (its language entry's run command).
 */
class SlowReaderIT extends IntegrationTest {

    private static final long OUTPUT_CAP = 64 * 1024;

    @Autowired
    LanguageRegistry languages;

    @Test
    void shouldStopAFloodAtItsOutputLimitWhileTheReportIsNotRead() throws Exception {
        LanguageVersion javascript = languages.require("javascript", "20");
        SandboxJob job = SandboxJob.builder()
                .executionId("slow-reader")
                .file(new SandboxJob.SourceFile(
                        "main.js",
                        "const s = 'x'.repeat(100000); for (;;) process.stdout.write(s);"
                                .getBytes(StandardCharsets.UTF_8)))
                .runCommand(javascript.run())
                .timeLimit(Duration.ofSeconds(5))
                .outputBytes(OUTPUT_CAP)
                .compileTimeout(Duration.ofSeconds(5))
                .compileOutputBytes(OUTPUT_CAP)
                .build();
        Process container = new ProcessBuilder(
                        "docker",
                        "run",
                        "-i",
                        "--rm",
                        "--network",
                        "none",
                        "--memory",
                        "256m",
                        "--memory-swap",
                        "256m",
                        "--tmpfs",
                        "/tmp:exec,mode=1777",
                        "--entrypoint",
                        "/bin/sh",
                        javascript.image(),
                        "-c",
                        "/opt/edc/init --uid 1048576 | { sleep 3; cat; }")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (OutputStream stdin = container.getOutputStream()) {
            stdin.write(Payload.of(job));
        }

        List<InitFrame> frames = new ArrayList<>();
        long outputBytes = 0;
        InitStream report = new InitStream("slow-reader", frames::add, () -> {});
        try (InputStream stdout = container.getInputStream()) {
            byte[] bytes = stdout.readAllBytes();
            report.onNext(new Frame(StreamType.STDOUT, bytes));
        }
        assertThat(container.waitFor(30, TimeUnit.SECONDS)).isTrue();
        for (InitFrame frame : frames) {
            if (frame.type().equals("out")) {
                outputBytes += frame.body().length;
            }
        }

        InitFrame end = frames.stream()
                .filter(frame -> frame.type().equals("end"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no end frame in " + frames));
        assertThat(end.number("truncated"))
                .as("stopped at its output limit: %s", end)
                .isEqualTo(1);
        assertThat(end.number("oom")).as("not killed for memory").isZero();
        assertThat(end.number("time"))
                .as("stopped while nothing read the report, not once the reader woke up")
                .isLessThan(2000);
        assertThat(outputBytes).isEqualTo(OUTPUT_CAP);
    }
}
