package dev.edc.jobe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edc.EdcClient;
import dev.edc.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Jobe's API against the whole of EDC (RabbitMQ, Redis, Docker), driven the way CodeRunner drives
 * it: the languages, a run naming a support file that is not cached (404), the file put, the run
 * again; Java with its class's file name; and Jobe's outcomes for each kind of ending.
 */
class JobeIT extends IntegrationTest {

    private static final String API = "/jobe/index.php/restapi";

    @Test
    void shouldListTheLanguagesCodeRunnerAsksFor() {
        List<String> names = edc.get(API + "/languages")
                .json()
                .valueStream()
                .map(language -> language.get(0).asString())
                .toList();

        assertThat(names).contains("java", "nodejs");
    }

    @Test
    void shouldRunAfterCodeRunnerPutsTheFileItWasToldIsMissing() throws Exception {
        byte[] data = ("rows: " + EdcClient.uniqueId("data") + "\n").getBytes(StandardCharsets.UTF_8);
        String id = HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("MD5").digest(data));
        String run = EdcClient.json(Map.of(
                "run_spec",
                Map.of(
                        "language_id", "nodejs",
                        "sourcecode",
                                "process.stdout.write(require('fs').readFileSync('data.txt', 'utf8').toUpperCase())",
                        "sourcefilename", "__tester__.nodejs",
                        "input", "",
                        "file_list", List.of(List.of(id, "data.txt")),
                        "parameters", Map.of("cputime", 5))));

        EdcClient.Response missing = edc.post(API + "/runs", run);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(edc.exchange("HEAD", API + "/files/" + id, null).status()).isEqualTo(404);

        EdcClient.Response put = edc.exchange(
                "PUT",
                API + "/files/" + id,
                EdcClient.json(Map.of("file_contents", Base64.getEncoder().encodeToString(data))));
        assertThat(put.status()).isEqualTo(204);
        assertThat(edc.exchange("HEAD", API + "/files/" + id, null).status()).isEqualTo(204);

        JsonNode outcome = ran(run);
        assertThat(outcome.get("outcome").asInt()).as(outcome.toString()).isEqualTo(15);
        assertThat(outcome.get("stdout").asString()).isEqualTo(new String(data, StandardCharsets.UTF_8).toUpperCase());
        assertThat(outcome.get("run_id").asString()).isNotBlank();
    }

    @Test
    void shouldRunJavaUnderItsClassesFileName() {
        JsonNode outcome = ran(runSpec(
                "java",
                "import java.util.Scanner;\npublic class Greeter { public static void main(String[] a) {"
                        + " System.out.println(\"Hi \" + new Scanner(System.in).nextLine()); } }",
                "Greeter.java",
                "Moodle\n"));

        assertThat(outcome.get("outcome").asInt()).as(outcome.toString()).isEqualTo(15);
        assertThat(outcome.get("stdout").asString()).isEqualTo("Hi Moodle\n");
        assertThat(outcome.get("cmpinfo").asString()).isEmpty();
    }

    @Test
    void shouldAnswerJobesOutcomeForEachEnding() {
        JsonNode compile = ran(runSpec("java", "public class Broken { int x = \"text\"; }", "Broken.java", ""));
        JsonNode stderr =
                ran(runSpec("nodejs", "console.log('partial'); console.error('oops')", "__tester__.nodejs", ""));
        JsonNode crash = ran(runSpec("nodejs", "throw new Error('boom')", "__tester__.nodejs", ""));
        JsonNode loop = ran(EdcClient.json(Map.of(
                "run_spec",
                Map.of(
                        "language_id", "nodejs",
                        "sourcecode", "while (true) {}",
                        "sourcefilename", "__tester__.nodejs",
                        "parameters", Map.of("cputime", 1)))));

        assertThat(compile.get("outcome").asInt()).isEqualTo(11);
        assertThat(compile.get("cmpinfo").asString()).contains("incompatible types");
        assertThat(stderr.get("outcome").asInt())
                .as("stderr output is a runtime error in Jobe")
                .isEqualTo(12);
        assertThat(stderr.get("stdout").asString()).isEqualTo("partial\n");
        assertThat(crash.get("outcome").asInt()).isEqualTo(12);
        assertThat(crash.get("stderr").asString()).contains("Error: boom");
        assertThat(loop.get("outcome").asInt()).isEqualTo(13);
    }

    private static String runSpec(String language, String source, String fileName, String input) {
        return EdcClient.json(Map.of(
                "run_spec",
                Map.of(
                        "language_id", language,
                        "sourcecode", source,
                        "sourcefilename", fileName,
                        "input", input,
                        "file_list", List.of())));
    }

    private JsonNode ran(String run) {
        EdcClient.Response response = edc.post(API + "/runs", run);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
