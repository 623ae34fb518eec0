package dev.edc.judge0;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.edc.EdcClient;
import dev.edc.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Judge0's API against the whole of EDC (RabbitMQ, Redis, Docker), as Judge0's clients use it:
 * created and read back by token, waited for, in batches, in Base64, with expected output, and
 * each kind of ending under its Judge0 status.
 */
class Judge0IT extends IntegrationTest {

    private static final Duration RUN = Duration.ofSeconds(60);

    @Test
    void shouldRunASubmissionAndAnswerItByItsTokenOnceDone() {
        EdcClient.Response created = edc.post(
                "/judge0/submissions",
                EdcClient.json(Map.of(
                        "language_id",
                        62,
                        "source_code",
                        "public class Main { public static void main(String[] a) {"
                                + " System.out.println(new java.util.Scanner(System.in).nextLine().toUpperCase()); } }",
                        "stdin",
                        "hello, judge0")));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String token = created.json().get("token").asString();
        assertThat(created.json().propertyNames()).containsExactly("token");
        JsonNode done = finished(token, "");
        assertThat(done.get("stdout").asString()).isEqualTo("HELLO, JUDGE0\n");
        assertThat(done.get("status").get("id").asInt()).isEqualTo(3);
        assertThat(done.get("time").asString()).matches("\\d+\\.\\d{3}");
        assertThat(done.get("memory").asInt()).isPositive();
        assertThat(done.get("stderr").isNull()).isTrue();
        assertThat(done.get("compile_output").isNull()).isTrue();
    }

    @Test
    void shouldWaitAndCompareWithTheExpectedOutputAsJudge0Does() {
        String program = "process.stdout.write(require('fs').readFileSync(0, 'utf8').trim() + '  \\n\\n')";

        JsonNode accepted =
                waited(Map.of("language_id", 63, "source_code", program, "stdin", "42", "expected_output", "42"));
        JsonNode wrong =
                waited(Map.of("language_id", 93, "source_code", program, "stdin", "41", "expected_output", "42"));

        assertThat(accepted.get("status").toString()).isEqualTo("{\"id\":3,\"description\":\"Accepted\"}");
        assertThat(wrong.get("status").toString()).isEqualTo("{\"id\":4,\"description\":\"Wrong Answer\"}");
        assertThat(wrong.get("stdout").asString()).isEqualTo("41  \n\n");
    }

    @Test
    void shouldGiveEachEndingItsJudge0Status() {
        JsonNode compile = waited(Map.of("language_id", 62, "source_code", "class Broken { int x = \"text\"; }"));
        JsonNode exit = waited(Map.of("language_id", 63, "source_code", "console.error('bye'); process.exit(3)"));
        JsonNode loop = waited(Map.of("language_id", 63, "source_code", "while (true) {}", "cpu_time_limit", 1));

        assertThat(compile.at("/status/id").asInt()).isEqualTo(6);
        assertThat(compile.get("compile_output").asString()).contains("incompatible types");
        assertThat(exit.at("/status/description").asString()).isEqualTo("Runtime Error (NZEC)");
        assertThat(exit.get("stderr").asString()).isEqualTo("bye\n");
        assertThat(exit.get("message").asString()).isEqualTo("Exited with error status 3");
        assertThat(loop.at("/status/id").asInt()).isEqualTo(5);
        assertThat(loop.get("message").asString()).isEqualTo("Time limit exceeded");
    }

    @Test
    void shouldTakeAndGiveTextsInBase64WhenAsked() {
        EdcClient.Response created = edc.post(
                "/judge0/submissions?base64_encoded=true&wait=true&fields=stdout,status_id,language_id",
                EdcClient.json(Map.of(
                        "language_id",
                        63,
                        "source_code",
                        base64("console.log(process.argv.slice(2).join('|'), require('fs').readFileSync(0, 'utf8'))"),
                        "stdin",
                        base64("é\n"),
                        "command_line_arguments",
                        "one 'two three'")));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().propertyNames()).containsExactlyInAnyOrder("stdout", "status_id", "language_id");
        assertThat(created.json().get("language_id").asInt()).isEqualTo(63);
        String stdout = created.json().get("stdout").asString();
        assertThat(stdout).endsWith("\n");
        assertThat(new String(Base64.getMimeDecoder().decode(stdout), StandardCharsets.UTF_8))
                .isEqualTo("one|two three é\n\n");
    }

    @Test
    void shouldRunAProgramWithItsAdditionalFiles() throws Exception {
        java.io.ByteArrayOutputStream archive = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(archive)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("lib/shout.js"));
            zip.write("module.exports = text => text.toUpperCase() + '!'".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        JsonNode done = waited(Map.of(
                "language_id",
                63,
                "source_code",
                "console.log(require('./lib/shout.js')('hello'))",
                "additional_files",
                Base64.getEncoder().encodeToString(archive.toByteArray())));

        assertThat(done.get("stdout").asString()).as(done.toString()).isEqualTo("HELLO!\n");
    }

    @Test
    void shouldCreateAndReadABatch() {
        EdcClient.Response created = edc.post("/judge0/submissions/batch", """
                {"submissions": [{"language_id": 63, "source_code": "console.log('hello from JavaScript')"},
                                 {"language_id": 424242, "source_code": "?"},
                                 {"language_id": 62, "source_code": "public class Main { public static void main(String[] a) { System.out.println(\\"hello from Java\\"); } }"}]}""");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode answers = created.json();
        assertThat(answers.get(1).toString())
                .isEqualTo("{\"language_id\":[\"language with id 424242 doesn't exist\"]}");
        String tokens = answers.get(0).get("token").asString() + ","
                + answers.get(2).get("token").asString() + ",d85cd024-1548-4165-96c7-7bc88673f194";
        JsonNode batch = await().atMost(RUN)
                .until(
                        () -> edc.get("/judge0/submissions/batch?tokens=" + tokens + "&fields=stdout,status")
                                .json()
                                .get("submissions"),
                        submissions -> submissions.get(0).at("/status/id").asInt() > 2
                                && submissions.get(1).at("/status/id").asInt() > 2);
        assertThat(batch.get(0).get("stdout").asString()).isEqualTo("hello from JavaScript\n");
        assertThat(batch.get(1).get("stdout").asString()).isEqualTo("hello from Java\n");
        assertThat(batch.get(2).isNull()).isTrue();
    }

    @Test
    void shouldRunTheDocumentationsCExampleWhereCIsConfigured() {
        JsonNode languages = edc.get("/judge0/languages").json();
        boolean c = false;
        for (JsonNode language : languages) {
            c |= language.get("id").asInt() == 50;
        }
        assumeThat(c).as("a language with Judge0 id 50 (C) is configured").isTrue();

        JsonNode done = waited(Map.of(
                "source_code",
                "#include <stdio.h>\n\nint main(void) {\n  char name[10];\n  scanf(\"%s\", name);\n  printf(\"hello, %s\\n\", name);\n  return 0;\n}",
                "language_id",
                "50",
                "stdin",
                "Judge0",
                "expected_output",
                "hello, Judge0"));

        assertThat(done.get("stdout").asString()).isEqualTo("hello, Judge0\n");
        assertThat(done.at("/status/id").asInt()).isEqualTo(3);
    }

    @Test
    void shouldRefuseACallbackEdcWillNotCallUnderCallbackUrl() {
        EdcClient.Response refused = edc.post(
                "/judge0/submissions",
                "{\"language_id\": 63, \"source_code\": \"1\", \"callback_url\": \"https://grader.example/judge0\"}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().propertyNames())
                .as("EDC's refusal (no webhook secret here, or a host that does not resolve) under Judge0's attribute")
                .containsExactly("callback_url");
    }

    @Test
    void shouldListLanguagesAndStatusesAndKnowNoOtherToken() {
        List<Integer> ids = edc.get("/judge0/languages")
                .json()
                .valueStream()
                .map(language -> language.get("id").asInt())
                .toList();

        assertThat(ids).contains(62, 63, 91, 93);
        assertThat(edc.get("/judge0/statuses").json().size()).isEqualTo(14);
        assertThat(edc.get("/judge0/submissions/d85cd024-1548-4165-96c7-7bc88673f194")
                        .status())
                .isEqualTo(404);
    }

    private JsonNode waited(Map<String, Object> submission) {
        EdcClient.Response created = edc.post("/judge0/submissions?wait=true&fields=*", EdcClient.json(submission));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode answer = created.json();
        return answer.at("/status/id").asInt() > 2
                ? answer
                : finished(answer.get("token").asString(), "fields=*");
    }

    private JsonNode finished(String token, String query) {
        return await().atMost(RUN)
                .until(
                        () -> edc.get("/judge0/submissions/" + token + "?" + query)
                                .json(),
                        answer -> answer.at("/status/id").asInt() > 2);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
