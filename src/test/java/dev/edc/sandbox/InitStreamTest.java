package dev.edc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The init's frames, read from the engine's chunks, which split and join them anywhere. */
class InitStreamTest {

    private final List<InitFrame> frames = new ArrayList<>();
    private final InitStream stream = new InitStream("test", frames::add, () -> {});

    @Test
    void shouldReadFramesWhateverTheChunksBoundaries() {
        byte[] report = ("ready 0 memory=123\n" + "start 0 case=0\n" + "out 6 case=0\nhello\n" + "err 3 case=0\n\0\n\0"
                        + "end 0 case=0 exit=3 signal=0 time=12 cpu=10 rss=900 oom=0 timeout=0 truncated=0 stopped=0\n"
                        + "exit 0 peak=4096 oom=0\n")
                .getBytes(StandardCharsets.UTF_8);
        for (int size : new int[] {1, 2, 7, 64, report.length}) {
            frames.clear();
            for (int at = 0; at < report.length; at += size) {
                stream.onNext(new Frame(
                        StreamType.STDOUT, Arrays.copyOfRange(report, at, Math.min(report.length, at + size))));
            }

            assertThat(frames)
                    .extracting(InitFrame::type)
                    .as("chunks of %d", size)
                    .containsExactly("ready", "start", "out", "err", "end", "exit");
            assertThat(frames.get(0).number("memory")).isEqualTo(123);
            assertThat(frames.get(2).text()).isEqualTo("hello\n");
            assertThat(frames.get(3).body())
                    .as("bytes kept exactly, newlines and NULs included")
                    .containsExactly(0, '\n', 0);
            assertThat(frames.get(4).number("exit")).isEqualTo(3);
            assertThat(frames.get(4).caseIndex()).isZero();
        }
    }

    @Test
    void shouldIgnoreTheContainersStderr() {
        stream.onNext(new Frame(StreamType.STDERR, "edc-init: complaint\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(frames).isEmpty();
    }

    @Test
    void shouldRefuseWhatIsNoFrame() {
        byte[] garbage = "x".repeat(600).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> stream.onNext(new Frame(StreamType.STDOUT, garbage)))
                .hasMessageContaining("not a frame header");
    }
}
