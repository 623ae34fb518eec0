package dev.edc;

import static dev.edc.EdcClient.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.edc.language.LanguageRegistry;
import dev.edc.language.LanguageVersion;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The whole path, POST → RabbitMQ → Docker → Redis → STOMP, as a web IDE sees it. */
class PipelineIT extends IntegrationTest {

    @Autowired
    LanguageRegistry languages;

    @Test
    void shouldDeliverTheSeedExampleOnItsTopicAndStoreIt() {
        String uuid = uniqueId("seed");
        JsonNode pushed = edc.run(
                Map.of(
                        "uuid",
                        uuid,
                        "language",
                        "java",
                        "version",
                        "17",
                        "code",
                        "public class HelloWorld { public static void main(String[] args) { System.out.println(\"Hello, World!\"); } }"));

        assertThat(pushed.get("uuid").asString()).isEqualTo(uuid);
        assertThat(pushed.get("status").asString()).isEqualTo("SUCCESS");
        assertThat(pushed.get("stdout").asString()).isEqualTo("Hello, World!\n");
        assertThat(pushed.get("stderr").asString()).isEmpty();
        assertThat(pushed.get("exitCode").asInt()).isZero();
        assertThat(pushed.get("signal").isNull()).isTrue();
        EdcClient.Response stored = edc.get("/executions/" + uuid);
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.json()).isEqualTo(pushed);
    }

    @Test
    void shouldAnswer202WithLocationAndTopic() {
        String uuid = uniqueId("accepted");
        EdcClient.Response response = edc.post(
                "/execute-code", EdcClient.json(Map.of("uuid", uuid, "language", "js", "code", "console.log(1)")));

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.location()).isEqualTo("/executions/" + uuid);
        JsonNode body = response.json();
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("uuid", "status", "resultTopic", "controlToken");
        assertThat(body.get("uuid").asString()).isEqualTo(uuid);
        assertThat(body.get("status").asString()).isEqualTo("QUEUED");
        assertThat(body.get("resultTopic").asString()).isEqualTo("/topic/result/" + uuid);
        assertThat(body.get("controlToken").asString()).matches("[A-Za-z0-9_-]{32}");
        assertThat(edc.get("/executions/" + uuid).body())
                .as("the token is its submitter's only")
                .doesNotContain(body.get("controlToken").asString());
    }

    @Test
    void shouldGenerateAUuidWhenNoneIsGiven() {
        EdcClient.Response response = edc.post("/execute-code", "{\"language\":\"node\",\"code\":\"console.log(2)\"}");

        assertThat(response.status()).isEqualTo(202);
        String uuid = response.json().get("uuid").asString();
        assertThat(uuid).matches("[0-9a-f-]{36}");
        assertThat(edc.get("/executions/" + uuid).status()).isEqualTo(200);
    }

    @Test
    void shouldReportCompilationErrorsWithTheCompilersMessage() {
        JsonNode result = edc.run(Map.of(
                "uuid",
                uniqueId("compile"),
                "language",
                "java",
                "code",
                "public class Broken { public static void main(String[] a) { int x = \"text\"; } }"));

        assertThat(result.get("status").asString()).isEqualTo("COMPILATION_ERROR");
        assertThat(result.get("compileOutput").asString())
                .contains("Broken.java:1: error: incompatible types: String cannot be converted to int");
        assertThat(result.get("stdout").asString()).isEmpty();
    }

    @Test
    void shouldReportAnUncaughtExceptionAsRuntimeErrorWithItsStackTrace() {
        JsonNode result = edc.run(Map.of("uuid", uniqueId("throw"), "language", "java", "version", "21", "code", """
                        public class Thrower {
                            static void fail() { throw new IllegalStateException("boom"); }
                            public static void main(String[] args) { System.out.println("before"); fail(); }
                        }"""));

        assertThat(result.get("status").asString()).isEqualTo("RUNTIME_ERROR");
        assertThat(result.get("exitCode").asInt()).isEqualTo(1);
        assertThat(result.get("stdout").asString()).isEqualTo("before\n");
        assertThat(result.get("stderr").asString())
                .startsWith("Exception in thread \"main\" java.lang.IllegalStateException: boom")
                .contains("at Thrower.fail(Thrower.java:2)", "at Thrower.main(Thrower.java:3)");
    }

    @Test
    void shouldReportAnExitCodeOfAJavaScriptProgram() {
        JsonNode result = edc.run(Map.of(
                "uuid",
                uniqueId("exit"),
                "language",
                "javascript",
                "code",
                "console.error('bad input'); process.exit(3)"));

        assertThat(result.get("status").asString()).isEqualTo("RUNTIME_ERROR");
        assertThat(result.get("exitCode").asInt()).isEqualTo(3);
        assertThat(result.get("stderr").asString()).isEqualTo("bad input\n");
    }

    @Test
    void shouldFeedStdinAndArgsToTheProgram() {
        JsonNode java = edc.run(Map.of(
                "uuid",
                uniqueId("stdin"),
                "language",
                "java",
                "version",
                "11",
                "stdin",
                "Ada\nLovelace\n",
                "args",
                List.of("one", "two words"),
                "code",
                """
                        import java.util.Scanner;
                        public class Echo {
                            public static void main(String[] args) {
                                Scanner in = new Scanner(System.in);
                                System.out.println(in.nextLine() + " " + in.nextLine() + " " + String.join("|", args));
                            }
                        }"""));
        JsonNode node = edc.run(
                Map.of(
                        "uuid",
                        uniqueId("stdin"),
                        "language",
                        "js",
                        "stdin",
                        "héllo\n",
                        "args",
                        List.of("a", "b"),
                        "code",
                        "const s = require('fs').readFileSync(0, 'utf8'); console.log(JSON.stringify([s, process.argv.slice(2)]))"));

        assertThat(java.get("stdout").asString()).isEqualTo("Ada Lovelace one|two words\n");
        assertThat(node.get("stdout").asString()).isEqualTo("[\"héllo\\n\",[\"a\",\"b\"]]\n");
    }

    @Test
    void shouldKillAnEndlessLoopAtItsTimeLimit() {
        JsonNode result = edc.run(Map.of(
                "uuid",
                uniqueId("loop"),
                "language",
                "java",
                "limits",
                Map.of("timeMs", 1500),
                "code",
                "public class Spin { public static void main(String[] a) { while (true) { } } }"));

        assertThat(result.get("status").asString()).isEqualTo("TIME_LIMIT_EXCEEDED");
        assertThat(result.get("timeMs").asLong()).isBetween(1500L, 3000L);
    }

    @Test
    void shouldGiveTheSameResultToALateSubscriberExactlyOnce() throws InterruptedException {
        String uuid = uniqueId("late");
        JsonNode first = edc.run(Map.of("uuid", uuid, "language", "js", "code", "console.log('late')"));

        EdcClient.Subscription late = edc.subscribe("/topic/result/" + uuid);
        JsonNode replayed = late.next(Duration.ofSeconds(10));

        assertThat(replayed).isEqualTo(first);
        late.assertNothingMoreWithin(Duration.ofSeconds(1));
    }

    @Test
    void shouldAnswerWithTheResultWhenAskedToWait() {
        String uuid = uniqueId("wait");
        EdcClient.Response response = edc.post(
                "/execute-code?wait=true",
                EdcClient.json(Map.of("uuid", uuid, "language", "js", "code", "console.log(6 * 7)")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("SUCCESS");
        assertThat(response.json().get("stdout").asString()).isEqualTo("42\n");
    }

    @Test
    void shouldListEveryRunnableLanguageWithOneDefaultVersionEach() {
        JsonNode listed = edc.get("/languages").json();

        assertThat(listed.valueStream()
                        .map(l -> l.get("language").asString() + " "
                                + l.get("version").asString()))
                .containsExactlyElementsOf(
                        languages.all().stream().map(LanguageVersion::key).toList());
        assertThat(listed.valueStream()
                        .filter(l -> l.get("default").asBoolean())
                        .map(l -> l.get("language").asString()))
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(languages.all().stream()
                        .map(LanguageVersion::language)
                        .distinct()
                        .toList());
        assertThat(listed.valueStream()
                        .filter(l -> l.get("default").asBoolean())
                        .map(l -> l.get("language").asString() + " "
                                + l.get("version").asString()))
                .contains("java 17", "javascript 20", "python 3.13");
    }
}
