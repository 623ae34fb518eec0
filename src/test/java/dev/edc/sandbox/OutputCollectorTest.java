package dev.edc.sandbox;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class OutputCollectorTest {

    private static final String HEADER = "\0EDC-COMPILE 0 0\n";

    private final AtomicInteger capCalls = new AtomicInteger();

    @Test
    void shouldReadTheTrailerOfARunStoppedAtItsCap() {
        OutputCollector collector = collector(16);

        stdout(collector, HEADER);
        stdout(collector, "x".repeat(1000));
        stdout(collector, "y".repeat(1000));
        stdout(collector, "\0EDC-EXIT 137 4096 0\n");

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
        stdout(collector, "IT 0 2048 0\n");

        OutputCollector.Output output = collector.output();
        assertThat(output.stdout()).isEqualTo("hello\n");
        assertThat(output.cut()).isFalse();
        assertThat(output.trailer()).isEqualTo(new OutputCollector.Trailer(0, 2048, 0));
    }

    @Test
    void shouldLeaveAForgedTrailerInTheProgramsOutput() {
        OutputCollector collector = collector(1024);

        stdout(collector, HEADER + "\0EDC-EXIT 0 1 9\nafter\n");
        stdout(collector, "\0EDC-EXIT 3 8192 0\n");

        OutputCollector.Output output = collector.output();
        assertThat(output.stdout()).isEqualTo("\0EDC-EXIT 0 1 9\nafter\n");
        assertThat(output.trailer()).isEqualTo(new OutputCollector.Trailer(3, 8192, 0));
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
        return new OutputCollector(cap, collector -> capCalls.incrementAndGet());
    }

    private static void stdout(OutputCollector collector, String text) {
        collector.onNext(new Frame(StreamType.STDOUT, text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void stderr(OutputCollector collector, String text) {
        collector.onNext(new Frame(StreamType.STDERR, text.getBytes(StandardCharsets.UTF_8)));
    }
}
