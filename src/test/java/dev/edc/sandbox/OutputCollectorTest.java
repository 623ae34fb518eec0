package dev.edc.sandbox;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class OutputCollectorTest {

    private static final String TOKEN = "5eed";

    private final AtomicInteger kills = new AtomicInteger();
    private final OutputCollector collector = new OutputCollector(TOKEN, c -> kills.incrementAndGet());

    @Test
    void shouldSplitCompilerMessagesProgramOutputAndTrailerEvenAcrossFrameEdges() throws InterruptedException {
        byte[] stdout = bytes("\0EDC-COMPILE 0 9\nwarning!\nHello, World!\n\0EDC-EXIT 5eed 0 41943040 0\n");
        for (int i = 0; i < stdout.length; i += 5) { // 5-byte frames cut every field somewhere
            collector.onNext(new Frame(StreamType.STDOUT, java.util.Arrays.copyOfRange(stdout, i, Math.min(i + 5, stdout.length))));
        }

        assertThat(collector.awaitHeader(0)).isTrue();
        assertThat(collector.started()).isTrue();
        assertThat(collector.compileOutput()).isEqualTo("warning!\n");
        OutputCollector.Output output = collector.output();
        assertThat(output.stdout()).isEqualTo("Hello, World!\n");
        assertThat(output.trailer()).isEqualTo(new OutputCollector.Trailer(0, 41943040, 0));
        assertThat(output.cut()).isFalse();
    }

    @Test
    void shouldReportAFailedCompilationWithoutStartingTheProgram() throws InterruptedException {
        collector.onNext(new Frame(StreamType.STDOUT, bytes("\0EDC-COMPILE 1 7\nerror!\n")));

        assertThat(collector.awaitHeader(0)).isTrue();
        assertThat(collector.reported()).isTrue();
        assertThat(collector.started()).isFalse();
        assertThat(collector.compileOutput()).isEqualTo("error!\n");
    }

    @Test
    void shouldKeepMultiByteCharactersWholeWhenAFrameEdgeCutsThem() {
        collector.onNext(new Frame(StreamType.STDOUT, bytes("\0EDC-COMPILE 0 0\n")));
        byte[] text = bytes("é🙂".repeat(300));
        for (int i = 0; i < text.length; i += 1024) {
            collector.onNext(new Frame(StreamType.STDERR, java.util.Arrays.copyOfRange(text, i, Math.min(i + 1024, text.length))));
        }

        assertThat(collector.output().stderr()).isEqualTo("é🙂".repeat(300));
    }

    @Test
    void shouldCutOutputAtTheCapAndAskForAKill() {
        collector.limitTo(100);
        collector.onNext(new Frame(StreamType.STDOUT, bytes("\0EDC-COMPILE 0 0\n")));
        collector.onNext(new Frame(StreamType.STDOUT, bytes("x".repeat(150))));
        collector.onNext(new Frame(StreamType.STDERR, bytes("y".repeat(150))));

        OutputCollector.Output output = collector.output();
        assertThat(output.cut()).isTrue();
        assertThat(output.stdout().length() + output.stderr().length()).isEqualTo(100);
        assertThat(kills.get()).isEqualTo(1);
    }

    @Test
    void shouldKeepWhatTheRunnerWroteWhenItDiedBeforeItsHeader() throws InterruptedException {
        collector.onNext(new Frame(StreamType.STDOUT, bytes("Error occurred during initialization of VM\n")));

        assertThat(collector.awaitHeader(0)).isTrue();
        assertThat(collector.reported()).isFalse();
        assertThat(collector.output().stdout()).isEqualTo("Error occurred during initialization of VM\n");
    }

    @Test
    void shouldEncodeThePayloadAsLengthPrefixedRecords() {
        byte[] payload = new SandboxInput("é", bytes("in"), java.util.List.of("a b", "")).payload();

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(bytes("source 2\né" + "stdin 2\nin" + "arg 3\na b" + "arg 0\n" + "end 0\n"));
        assertThat(payload).isEqualTo(expected.toByteArray());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static final String HEADER = "\0EDC-COMPILE 0 0\n";
    private final AtomicInteger capCalls = new AtomicInteger();

    @Test
    void shouldReadTheTrailerOfARunStoppedAtItsCap() {
        OutputCollector collector = collector(16);

        stdout(collector, HEADER);
        stdout(collector, "x".repeat(1000));
        stdout(collector, "y".repeat(1000));
        stdout(collector, "\0EDC-EXIT 5eed 137 4096 0\n");

        OutputCollector.Output output = collector.output();
        assertThat(output.stdout()).isEqualTo("x".repeat(16));
        assertThat(output.cut()).isTrue();
        assertThat(output.trailer()).isEqualTo(new OutputCollector.Trailer(137, 4096, 0));
        assertThat(capCalls).hasValue(1);
    }

    @Test
    void shouldTakeOffATrailerSplitAcrossFrames() {
        OutputCollector collector = collector(1024);

        stdout(collector, HEADER + "hello\n\0EDC-EX");
        stdout(collector, "IT 5eed 0 2048 0\n");

        OutputCollector.Output output = collector.output();
        assertThat(output.stdout()).isEqualTo("hello\n");
        assertThat(output.cut()).isFalse();
        assertThat(output.trailer()).isEqualTo(new OutputCollector.Trailer(0, 2048, 0));
    }

    @Test
    void shouldLeaveAForgedTrailerInTheProgramsOutput() {
        OutputCollector collector = collector(1024);

        stdout(collector, HEADER + "\0EDC-EXIT 0 1 9\n\0EDC-EXIT bad 0 1 9\nafter\n");
        stderr(collector, "\0EDC-END 0\n\0EDC-END bad\n");
        assertThat(collector.ended()).as("a report without the token does not end the run").isFalse();
        stderr(collector, "oops\n\0EDC-END 5eed\n");
        stdout(collector, "\0EDC-EXIT 5eed 3 8192 0\n");

        assertThat(collector.ended()).isTrue();
        OutputCollector.Output output = collector.output();
        assertThat(output.stdout()).isEqualTo("\0EDC-EXIT 0 1 9\n\0EDC-EXIT bad 0 1 9\nafter\n");
        assertThat(output.stderr()).isEqualTo("\0EDC-END 0\n\0EDC-END bad\noops\n");
        assertThat(output.trailer()).isEqualTo(new OutputCollector.Trailer(3, 8192, 0));
    }

    @Test
    void shouldEndTheRunOnlyOnceBothStreamsCarriedTheReport() {
        OutputCollector collector = collector(1024);

        stdout(collector, HEADER + "out\n\0EDC-EXIT 5eed 0 2048 0\n");
        assertThat(collector.ended()).as("stderr may still hold the program's last lines").isFalse();
        stderr(collector, "err\n");
        stderr(collector, "\0EDC-END 5e");
        assertThat(collector.ended()).isFalse();
        stderr(collector, "ed\n");

        assertThat(collector.ended()).isTrue();
        assertThat(collector.runNanos()).isPositive();
        OutputCollector.Output output = collector.output();
        assertThat(output.stdout()).isEqualTo("out\n");
        assertThat(output.stderr()).isEqualTo("err\n");
        assertThat(output.trailer()).isEqualTo(new OutputCollector.Trailer(0, 2048, 0));
    }

    @Test
    void shouldNotSplitAMultiByteCharacterWhenCutting() {
        OutputCollector collector = collector(6);

        stdout(collector, HEADER + "x😀😀");
        stderr(collector, "é");

        OutputCollector.Output output = collector.output();
        assertThat(output.stdout()).isEqualTo("x😀");
        assertThat(output.stderr()).isEmpty();
        assertThat(output.cut()).isTrue();
    }

    @Test
    void shouldFindCharacterBoundaries() {
        byte[] text = "a😀é".getBytes(StandardCharsets.UTF_8); // 1 + 4 + 2 bytes

        assertThat(OutputCollector.characterBoundary(text, 1)).isEqualTo(1);
        assertThat(OutputCollector.characterBoundary(text, 3)).isEqualTo(1);
        assertThat(OutputCollector.characterBoundary(text, 5)).isEqualTo(5);
        assertThat(OutputCollector.characterBoundary(text, 6)).isEqualTo(5);
        assertThat(OutputCollector.characterBoundary(text, 7)).isEqualTo(7);
        assertThat(OutputCollector.characterBoundary(new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80}, 4))
                .as("not UTF-8: cut where asked").isEqualTo(4);
    }

    private OutputCollector collector(long cap) {
        OutputCollector collector = new OutputCollector(TOKEN, c -> capCalls.incrementAndGet());
        collector.limitTo(cap);
        return collector;
    }

    private static void stdout(OutputCollector collector, String text) {
        collector.onNext(new Frame(StreamType.STDOUT, text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void stderr(OutputCollector collector, String text) {
        collector.onNext(new Frame(StreamType.STDERR, text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldTakeTheReadyMarkerOffStderrEvenWhenSplit() {
        OutputCollector collector = collector(1024);
        collector.onNext(new Frame(StreamType.STDERR, bytes("\0EDC-RE")));
        assertThat(collector.ready()).isFalse();
        collector.onNext(new Frame(StreamType.STDERR, bytes("ADY 1234")));
        assertThat(collector.ready()).isFalse();
        collector.onNext(new Frame(StreamType.STDERR, bytes("5\nwarning\n")));

        assertThat(collector.ready()).isTrue();
        assertThat(collector.readyMemoryBytes()).isEqualTo(12345);
        assertThat(collector.output().stderr()).isEqualTo("warning\n");
    }

    @Test
    void shouldKeepStderrThatOnlyLooksLikeTheMarker() {
        OutputCollector collector = collector(1024);
        collector.onNext(new Frame(StreamType.STDERR, bytes("\0EDC-oops")));

        assertThat(collector.ready()).isFalse();
        assertThat(collector.output().stderr()).isEqualTo("\0EDC-oops");
    }

    @Test
    void shouldKeepStderrThatStartsLikeTheMarkerButGoesOnOtherwise() {
        OutputCollector collector = collector(1024);
        collector.onNext(new Frame(StreamType.STDERR, bytes("\0EDC-READY 12x\n")));

        assertThat(collector.ready()).isFalse();
        assertThat(collector.readyMemoryBytes()).isEqualTo(-1);
        assertThat(collector.output().stderr()).isEqualTo("\0EDC-READY 12x\n");
    }
}
