package dev.edc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a container's report becomes: the facts of its job, under the caps, told as they come. */
class RunRecorderTest {

    private final RunRecorder recorder = new RunRecorder("test");
    private final List<String> live = new ArrayList<>();
    private final List<SandboxOutcome.Run> ended = new ArrayList<>();

    private void prepare(long outputBytes, long compileOutputBytes) {
        SandboxJob job = SandboxJob.builder()
                .executionId("x")
                .timeLimit(Duration.ofSeconds(2))
                .outputBytes(outputBytes)
                .compileTimeout(Duration.ofSeconds(15))
                .compileOutputBytes(compileOutputBytes)
                .build();
        recorder.prepare(job, new RunListener() {
            @Override
            public void output(int index, OutputStream stream, String text) {
                live.add(index + " " + stream + " " + text);
            }

            @Override
            public void runEnded(SandboxOutcome.Run run) {
                ended.add(run);
            }
        });
    }

    private void frame(String header, String body) {
        InitFrame frame =
                InitFrame.header(header.replace("%n", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length)));
        System.arraycopy(body.getBytes(StandardCharsets.UTF_8), 0, frame.body(), 0, frame.body().length);
        recorder.frame(frame);
    }

    private static final String END =
            "end 0 case=0 exit=0 signal=0 time=12 cpu=9 rss=900 oom=0 timeout=0 truncated=0 stopped=0";

    @Test
    void shouldReportARunAsTheInitDid() {
        prepare(1024, 1024);
        frame("compile %n status=0 time=300 truncated=0 timeout=0 oom=0", "Note: warning\n");
        frame("start 0 case=0", "");
        frame("out %n case=0", "hello ");
        frame("err %n case=0", "oops\n");
        frame("out %n case=0", "world\n");
        frame(END.replace("exit=0", "exit=3"), "");
        frame("exit 0 peak=5242880 oom=0", "");

        SandboxOutcome outcome = recorder.outcome();

        assertThat(outcome.compilation().succeeded()).isTrue();
        assertThat(outcome.compilation().output()).isEqualTo("Note: warning\n");
        assertThat(outcome.compilation().time()).isEqualTo(Duration.ofMillis(300));
        assertThat(outcome.runs()).singleElement().satisfies(run -> {
            assertThat(run.stdout()).isEqualTo("hello world\n");
            assertThat(run.stderr()).isEqualTo("oops\n");
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.time()).isEqualTo(Duration.ofMillis(12));
            assertThat(run.outputTruncated()).isFalse();
        });
        assertThat(outcome.peakMemoryBytes()).isEqualTo(5 << 20);
        assertThat(live).containsExactly("0 STDOUT hello ", "0 STDERR oops\n", "0 STDOUT world\n");
        assertThat(ended).hasSize(1);
    }

    @Test
    void shouldCapOutputAgainAndNeverSplitACharacter() {
        prepare(8, 1024);
        frame("start 0 case=0", "");
        frame("out %n case=0", "abcdefg€€"); // 7 + 6 bytes: the cap falls inside the first €
        frame(END.replace("truncated=0", "truncated=1"), "");
        frame("exit 0 peak=1 oom=0", "");

        SandboxOutcome.Run run = recorder.outcome().runs().getFirst();

        assertThat(run.stdout()).isEqualTo("abcdefg");
        assertThat(run.outputTruncated()).isTrue();
    }

    @Test
    void shouldCapTheCompilersMessages() {
        prepare(1024, 10);
        frame("compile %n status=1 time=50 truncated=0 timeout=0 oom=0", "error: ".repeat(100));
        frame("exit 0 peak=1 oom=0", "");

        SandboxOutcome outcome = recorder.outcome();

        assertThat(outcome.compiled()).isFalse();
        assertThat(outcome.compilation().output()).hasSize(10);
        assertThat(outcome.compilation().outputTruncated()).isTrue();
        assertThat(outcome.runs()).isEmpty();
    }

    @Test
    void shouldDecodeLiveOutputAcrossChunksThatSplitACharacter() {
        prepare(1024, 1024);
        frame("start 0 case=0", "");
        InitFrame first = InitFrame.header("out 2 case=0");
        first.body()[0] = 'a';
        first.body()[1] = (byte) 0xE2; // the first byte of €
        recorder.frame(first);
        InitFrame second = InitFrame.header("out 2 case=0");
        second.body()[0] = (byte) 0x82;
        second.body()[1] = (byte) 0xAC;
        recorder.frame(second);

        assertThat(live).containsExactly("0 STDOUT a", "0 STDOUT €");
    }

    @Test
    void shouldFailTheSandboxWhenTheInitCouldNotRunTheJob() {
        prepare(1024, 1024);
        frame("error %n", "the warm runner exited");

        assertThatThrownBy(() -> recorder.outcome())
                .isInstanceOf(SandboxException.class)
                .hasMessageContaining("the warm runner exited");
    }

    @Test
    void shouldFailTheSandboxWhenTheContainerEndedWithoutItsReport() {
        prepare(1024, 1024);
        frame("start 0 case=0", "");
        recorder.ended();

        assertThatThrownBy(() -> recorder.outcome())
                .isInstanceOf(SandboxException.class)
                .hasMessageContaining("without its report");
    }

    @Test
    void shouldCountARunTheWorkerHadToStopAsTimedOut() {
        prepare(1024, 1024);
        frame("start 0 case=0", "");
        frame("out %n case=0", "partial");
        recorder.ended();

        SandboxOutcome.Run run =
                recorder.outcome(RunRecorder.Cut.DEADLINE).runs().getFirst();

        assertThat(run.timedOut()).isTrue();
        assertThat(run.stdout()).isEqualTo("partial");
    }

    @Test
    void shouldCountARunWhoseSandboxDiedForMemoryAsMemoryExceeded() {
        prepare(1024, 1024);
        frame("compile 0 status=0 time=5 truncated=0 timeout=0 oom=0", "");
        frame("start 0 case=0", "");
        frame("out %n case=0", "allocating");
        recorder.ended();

        SandboxOutcome.Run run = recorder.outcome(RunRecorder.Cut.MEMORY).runs().getFirst();

        assertThat(run.memoryExceeded()).isTrue();
        assertThat(run.timedOut()).isFalse();
        assertThat(run.exitCode()).isEqualTo(137);
        assertThat(run.signal()).isEqualTo(9);
        assertThat(run.stdout()).isEqualTo("allocating");
        assertThat(ended)
                .as("told like any run that ended, for a test case's verdict")
                .containsExactly(run);
    }

    @Test
    void shouldCountACompilationWhoseSandboxDiedForMemoryAsOutOfMemory() {
        recorder.prepare(
                SandboxJob.builder()
                        .executionId("x")
                        .compileCommand("cc main.c")
                        .runCommand("./a.out")
                        .timeLimit(Duration.ofSeconds(2))
                        .outputBytes(1024)
                        .compileTimeout(Duration.ofSeconds(15))
                        .compileOutputBytes(1024)
                        .build(),
                RunListener.NONE);
        recorder.ended();

        SandboxOutcome outcome = recorder.outcome(RunRecorder.Cut.MEMORY);

        assertThat(outcome.compiled()).isFalse();
        assertThat(outcome.compilation().outOfMemory()).isTrue();
        assertThat(outcome.compilation().timedOut()).isFalse();
        assertThat(outcome.runs()).isEmpty();
    }

    @Test
    void shouldSayACancelCutTheJobShortButNotTheWorkersOwnStop() {
        prepare(1024, 1024);
        frame("exit 0 peak=4096 oom=0 stopped=1", "");

        assertThat(recorder.outcome().stopped())
                .as("a cancel before the program started")
                .isTrue();
        assertThat(recorder.outcome(RunRecorder.Cut.DEADLINE).stopped())
                .as("stopped by the worker at its deadline")
                .isFalse();
    }

    @Test
    void shouldMeasureMemoryOnTheHostWhereTheInitCannotSeeIt(@TempDir Path root) throws IOException {
        HostCgroup cgroup = new HostCgroup(root, "abc");
        Path memory = Files.createDirectories(root.resolve("memory/edc/abc"));
        Files.writeString(memory.resolve("memory.usage_in_bytes"), "28000000\n");
        Files.writeString(memory.resolve("memory.max_usage_in_bytes"), "41000000\n");
        RunRecorder gvisor = new RunRecorder("c", cgroup);

        gvisor.frame(InitFrame.header("ready 0 memory=-1"));
        gvisor.frame(InitFrame.header("exit 0 peak=-1 oom=-1"));

        assertThat(gvisor.readyMemoryBytes()).isEqualTo(28_000_000);
        assertThat(gvisor.outcome().peakMemoryBytes()).isEqualTo(41_000_000);
    }

    @Test
    void shouldKeepEachTestCasesOutputApart() {
        prepare(1024, 1024);
        for (int i = 0; i < 3; i++) {
            frame("start 0 case=" + i, "");
            frame("out %n case=" + i, "case " + i + "\n");
            frame(END.replace("case=0", "case=" + i), "");
        }
        frame("exit 0 peak=1 oom=0", "");

        assertThat(recorder.outcome().runs())
                .extracting(SandboxOutcome.Run::stdout)
                .containsExactly("case 0\n", "case 1\n", "case 2\n");
        assertThat(ended).extracting(SandboxOutcome.Run::index).containsExactly(0, 1, 2);
    }

    @Test
    void shouldSayWhenTheRunnerIsReadyAndWhatItUses() {
        assertThat(recorder.isReady()).isFalse();

        frame("ready 0 memory=14000000", "");

        assertThat(recorder.isReady()).isTrue();
        assertThat(recorder.readyMemoryBytes()).isEqualTo(14_000_000);
    }
}
