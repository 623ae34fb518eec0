package dev.edc.grading;

import static dev.edc.EdcClient.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.edc.EdcClient;
import dev.edc.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A grader's submission against test cases, end to end: compiled once, each case a fresh run with
 * its exact verdict (the next case runs after one that loops, blows its memory or floods), each
 * verdict pushed live on /topic/tests, the whole in the result with a summary.
 */
class GraderIT extends IntegrationTest {

    private static Map<String, Object> testCase(String name, String stdin, String expected) {
        return Map.of("name", name, "stdin", stdin, "expectedOutput", expected);
    }

    @Test
    void shouldGiveEachCaseOfAJavaProgramItsOwnVerdict() {
        String uuid = uniqueId("grade-java");
        EdcClient.Subscription live = edc.subscribe("/topic/tests/" + uuid);
        JsonNode result = edc.run(Map.of(
                "uuid",
                uuid,
                "language",
                "java",
                "limits",
                Map.of("timeMs", 2000),
                "code",
                """
                        import java.util.*;
                        public class Sum {
                            public static void main(String[] args) {
                                Scanner in = new Scanner(System.in);
                                int a = in.nextInt(), b = in.nextInt();
                                if (a == 0) throw new IllegalStateException("zero");
                                if (a == 7) while (true) { }
                                if (a == 8) { List<long[]> hog = new ArrayList<>(); while (true) hog.add(new long[1 << 20]); }
                                if (a == 9) while (true) System.out.println("flood");
                                System.out.println(a + b);
                            }
                        }""",
                "tests",
                List.of(
                        testCase("adds", "1 2\n", "3\n"),
                        testCase("wrong", "2 2\n", "5\n"),
                        testCase("throws", "0 1\n", "1\n"),
                        testCase("loops", "7 0\n", "7\n"),
                        testCase("after the loop", "3 4\n", "7\n"),
                        testCase("heap", "8 0\n", "8\n"),
                        testCase("floods", "9 0\n", "9\n"))));

        assertThat(result.get("status").asString())
                .as("the first case that did not pass")
                .isEqualTo("WRONG_ANSWER");
        assertThat(result.get("summary").toString()).isEqualTo("{\"total\":7,\"passed\":2,\"failed\":5}");
        List<JsonNode> tests = result.get("tests").valueStream().toList();
        assertThat(tests)
                .extracting(test -> test.get("status").asString())
                .containsExactly(
                        "PASSED",
                        "WRONG_ANSWER",
                        "RUNTIME_ERROR",
                        "TIME_LIMIT_EXCEEDED",
                        "PASSED",
                        "RUNTIME_ERROR",
                        "OUTPUT_LIMIT_EXCEEDED");
        assertThat(tests.get(1).get("stdout").asString()).isEqualTo("4\n");
        assertThat(tests.get(1).get("difference").asString()).isEqualTo("line 1: expected \"5\", got \"4\"");
        assertThat(tests.get(2).get("stderr").asString()).contains("java.lang.IllegalStateException: zero");
        assertThat(tests.get(3).get("timeMs").asLong()).isBetween(2000L, 3500L);
        assertThat(tests.get(5).get("stderr").asString()).contains("java.lang.OutOfMemoryError");
        assertThat(tests.get(6).get("outputTruncated").asBoolean()).isTrue();
        assertThat(tests)
                .extracting(test -> test.get("name").asString())
                .containsExactly("adds", "wrong", "throws", "loops", "after the loop", "heap", "floods");
        List<JsonNode> pushed = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            pushed.add(live.next(Duration.ofSeconds(5)));
        }
        assertThat(pushed).as("each case pushed as it ended, as in the result").containsExactlyElementsOf(tests);
    }

    @Test
    void shouldStopAtACompilationErrorBeforeAnyCase() {
        JsonNode result = edc.run(Map.of(
                "uuid",
                uniqueId("grade-broken"),
                "language",
                "java",
                "code",
                "public class Broken { public static void main(String[] a) { int x = \"s\"; } }",
                "tests",
                List.of(testCase("one", "", ""), testCase("two", "", ""))));

        assertThat(result.get("status").asString()).isEqualTo("COMPILATION_ERROR");
        assertThat(result.get("compileOutput").asString())
                .contains("incompatible types: String cannot be converted to int");
        assertThat(result.get("tests").size()).isZero();
        assertThat(result.get("summary").toString()).isEqualTo("{\"total\":2,\"passed\":0,\"failed\":2}");
    }

    @Test
    void shouldRunJavaScriptCasesWithTheirOwnArgumentsAndCompareModes() {
        String echo =
                "const s = require('fs').readFileSync(0, 'utf8'); process.stdout.write(s + (process.argv.length > 2 ? ' ' + process.argv.slice(2).join(' ') : ''))";

        JsonNode trim = run(echo, "trim", null, testCase("trailing spaces", "x  \n\n\n", "x\n"));
        JsonNode tokens = run(
                echo, "tokens", null, Map.of("stdin", "1   2\n3", "args", List.of("4"), "expectedOutput", "1 2 3\n4"));
        JsonNode floats = run(echo, "float", 0.01, testCase("close enough", "3.14159 ok", "3.14 ok"));
        JsonNode exact = run(echo, "exact", null, testCase("a newline short", "x", "x\n"));

        assertThat(trim.get("status").asString()).isEqualTo("SUCCESS");
        assertThat(tokens.get("status").asString()).isEqualTo("SUCCESS");
        assertThat(floats.get("status").asString()).isEqualTo("SUCCESS");
        assertThat(exact.get("status").asString()).isEqualTo("WRONG_ANSWER");
        assertThat(exact.get("tests").get(0).get("difference").asString())
                .isEqualTo("line 2: expected \"\", but the output ended");
    }

    @Test
    void shouldKillACaseThatBlowsItsMemoryAndRunTheNext() {
        String code = """
                const n = Number(require('fs').readFileSync(0, 'utf8'));
                if (n < 0) { const hog = []; for (;;) hog.push(Buffer.alloc(1 << 20, 1)); }
                console.log(n * 2);""";

        JsonNode result = edc.run(Map.of(
                "uuid",
                uniqueId("grade-memory"),
                "language",
                "js",
                "code",
                code,
                "limits",
                Map.of("memoryMb", 96),
                "tests",
                List.of(testCase("doubles", "2", "4\n"), testCase("hogs", "-1", ""), testCase("still", "5", "10\n"))));

        assertThat(result.get("tests")
                        .valueStream()
                        .map(test -> test.get("status").asString()))
                .containsExactly("PASSED", "MEMORY_LIMIT_EXCEEDED", "PASSED");
        assertThat(result.get("status").asString()).isEqualTo("MEMORY_LIMIT_EXCEEDED");
        assertThat(result.get("tests").get(1).get("memoryKb").asLong()).isGreaterThan(50_000);
    }

    @Test
    void shouldCallASingleRunThatPrintsTheWrongThingAWrongAnswer() {
        JsonNode result = edc.run(Map.of(
                "uuid",
                uniqueId("expected"),
                "language",
                "js",
                "code",
                "console.log('hello')",
                "expectedOutput",
                "Hello\n"));

        assertThat(result.get("status").asString()).isEqualTo("WRONG_ANSWER");
        assertThat(result.get("stdout").asString()).isEqualTo("hello\n");
        assertThat(result.get("message").asString()).isEqualTo("line 1: expected \"Hello\", got \"hello\"");
        assertThat(result.has("tests")).as("no tests for a single run").isFalse();
    }

    private JsonNode run(String code, String compare, Double epsilon, Map<String, Object> test) {
        Map<String, Object> request = new java.util.LinkedHashMap<>(Map.of(
                "uuid",
                uniqueId("compare"),
                "language",
                "js",
                "code",
                code,
                "compare",
                compare,
                "tests",
                List.of(test)));
        if (epsilon != null) {
            request.put("epsilon", epsilon);
        }
        return edc.run(request);
    }
}
