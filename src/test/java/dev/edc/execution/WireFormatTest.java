package dev.edc.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of every message EDC writes and reads (queue, store, fanout, HTTP), against the golden
 * files in {@code src/test/resources/golden}: a renamed field fails here, not in a client.
 */
@JsonTest
class WireFormatTest {

    static final Instant QUEUED = Instant.parse("2026-11-25T10:00:00.001Z");
    static final Instant STARTED = Instant.parse("2026-11-25T10:00:00.020Z");

    @Autowired
    JsonMapper json;

    static ExecutionResult running() {
        return ExecutionResult.queued("golden-1", "java", "17", QUEUED).running(STARTED);
    }

    @Test
    void shouldWriteAndReadAJobAsQueued() {
        ExecutionJob job = ExecutionJob.builder()
                .uuid("golden-1")
                .owner("team-a")
                .language("python")
                .version("3.13")
                .files(List.of(
                        new SourceFile("main.py", "import pkg.mod\nprint(pkg.mod.answer(input()))\n"),
                        new SourceFile("pkg/mod.py", "def answer(x):\n    return int(x) * 2\n")))
                .args(List.of("--verbose"))
                .limits(new Limits(5000, 256, 64))
                .queuedAt(QUEUED)
                .tests(List.of(
                        new TestCase("small", "21\n", null, "42\n"),
                        new TestCase("negative", "-1\n", List.of("--quiet"), "-2\n")))
                .compare(Compare.TOKENS)
                .callbackUrl("https://grader.example.org/edc")
                .callbackFormat(CallbackFormat.EDC)
                .build();

        assertGolden("job.json", job, ExecutionJob.class);
    }

    @Test
    void shouldReadAJobOfAnOlderApiNodeWithoutItsNewerFields() {
        ExecutionJob job = json.readValue("""
                {"uuid": "old-1", "language": "java", "version": "17", "files": [{"name": "Main.java", "content": "x"}],
                 "args": [], "limits": {"timeMs": 5000, "memoryMb": 256, "outputKb": 64}, "someFutureField": 1}
                """, ExecutionJob.class);

        assertThat(job.interactive()).isFalse();
        assertThat(job.hasTests()).isFalse();
        assertThat(job.callbackFormatOrDefault()).isEqualTo(CallbackFormat.EDC);
    }

    @Test
    void shouldWriteAndReadTheRecordAsStoredAndPushed() {
        ExecutionResult result = running().toBuilder()
                .status(ExecutionStatus.SUCCESS)
                .exitCode(0)
                .stdout("Hello, World!\n")
                .stderr("")
                .compileOutput("")
                .timeMs(87L)
                .memoryKb(31244L)
                .finishedAt(Instant.parse("2026-11-25T10:00:00.150Z"))
                .build();

        assertGolden("result.json", result, ExecutionResult.class);
        assertGolden("queued.json", ExecutionResult.queued("golden-1", "java", "17", QUEUED), ExecutionResult.class);
    }

    @Test
    void shouldWriteAndReadAnEventAsTheFanoutCarriesIt() {
        assertGolden(
                "event.json",
                ExecutionEvent.of(new ExecutionKey("team-a", "golden-1"), running()),
                ExecutionEvent.class);
    }

    @Test
    void shouldReadAMessageOfANewerVersionIgnoringWhatItDoesNotKnow() {
        String newer = golden("result.json").replaceFirst("\\{", "{\"somethingNew\": [1, 2],");

        assertThat(json.readValue(newer, ExecutionResult.class).stdout()).isEqualTo("Hello, World!\n");
    }

    private <T> void assertGolden(String file, T value, Class<T> type) {
        String golden = golden(file);
        assertThat(json.readTree(json.writeValueAsString(value)))
                .as("%s as written", file)
                .isEqualTo(json.readTree(golden));
        assertThat(json.readValue(golden, type)).as("%s as read", file).isEqualTo(value);
    }

    static String golden(String file) {
        try (InputStream in = WireFormatTest.class.getResourceAsStream("/golden/" + file)) {
            assertThat(in).as("golden/%s", file).isNotNull();
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
