package dev.edc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The job as the init reads it (runners/PROTOCOL.md, "The job"): byte for byte. */
class PayloadTest {

    @Test
    void shouldWriteAJobAsRecords() {
        SandboxJob job = SandboxJob.builder()
                .executionId("x")
                .file(new SandboxJob.SourceFile("main.c", "int main(){}".getBytes(StandardCharsets.UTF_8)))
                .file(new SandboxJob.SourceFile("lib/util.h", "#pragma once\n".getBytes(StandardCharsets.UTF_8)))
                .compileCommand("gcc -o /box/main main.c")
                .runCommand("exec /box/main \"$@\"")
                .stdin("1 2\n".getBytes(StandardCharsets.UTF_8))
                .args(List.of("a b", "é"))
                .testCase(new SandboxJob.TestInput("3\n".getBytes(StandardCharsets.UTF_8), null))
                .testCase(new SandboxJob.TestInput(new byte[0], List.of("x")))
                .timeLimit(Duration.ofMillis(2000))
                .outputBytes(65536)
                .compileTimeout(Duration.ofSeconds(15))
                .compileOutputBytes(4096)
                .build();

        assertThat(new String(Payload.of(job), StandardCharsets.UTF_8))
                .isEqualTo("file 12 main.c\nint main(){}"
                        + "file 13 lib/util.h\n#pragma once\n"
                        + "compile 23\ngcc -o /box/main main.c"
                        + "run 19\nexec /box/main \"$@\""
                        + "set 9\ntime=2000set 12\noutput=65536set 18\ncompile-time=15000set 19\ncompile-output=4096"
                        + "stdin 4\n1 2\narg 3\na barg 2\né"
                        + "case 2\n3\ncase 0\ncase-noargs 0\ncase-arg 1\nx"
                        + "end 0\n");
    }

    @Test
    void shouldSendInputAndControlAsRecordsOfTheirOwn() {
        assertThat(new String(Payload.input("Ada\n".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))
                .isEqualTo("input 4\nAda\n");
        assertThat(new String(Payload.endOfInput(), StandardCharsets.UTF_8)).isEqualTo("eof 0\n");
        assertThat(new String(Payload.stop(), StandardCharsets.UTF_8)).isEqualTo("stop 0\n");
    }

    @Test
    void shouldAcceptOnlyPathsTheInitAccepts() {
        assertThat(Payload.isValidPath("pkg/mod.py")).isTrue();
        assertThat(Payload.isValidPath("Main.java")).isTrue();
        assertThat(Payload.isValidPath("../etc/passwd")).isFalse();
        assertThat(Payload.isValidPath("/abs")).isFalse();
        assertThat(Payload.isValidPath("a//b")).isFalse();
        assertThat(Payload.isValidPath("a/./b")).isFalse();
        assertThat(Payload.isValidPath("a b")).isFalse();
    }
}
