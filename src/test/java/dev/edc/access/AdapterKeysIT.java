package dev.edc.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.edc.EdcClient;
import dev.edc.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * With API keys on, the adapters of other APIs are owned and limited exactly as EDC's own API: each
 * takes the key in the header its clients send (Judge0's {@code X-Auth-Token}, {@code X-API-Key}
 * for Piston and Jobe), refuses in its own shape, shows an execution only to its owner (404 to any
 * other key, and to no key), keeps Jobe's files per key, and counts submissions against the key's
 * rate.
 */
@TestPropertySource(
        properties = {
            "edc.access.api-keys=alice:alice-key,bob:bob-key,carol:carol-key",
            "edc.access.requests-per-minute=6",
            "edc.pool.enabled=false"
        })
class AdapterKeysIT extends IntegrationTest {

    private static final String JOBE = "/jobe/index.php/restapi";

    @Test
    void shouldShowAJudge0SubmissionOnlyToTheTokenThatCreatedIt() {
        EdcClient.Response none = edc.post("/judge0/submissions", "{\"language_id\": 63, \"source_code\": \"1\"}");
        EdcClient.Response wrong = edc.exchange(
                "POST",
                "/judge0/submissions",
                "{\"language_id\": 63, \"source_code\": \"1\"}",
                "X-Auth-Token",
                "guess");
        EdcClient.Response created = edc.exchange(
                "POST",
                "/judge0/submissions",
                "{\"language_id\": 63, \"source_code\": \"console.log('secret of alice')\"}",
                "X-Auth-Token",
                "alice-key");

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.body()).as("Judge0's bare 401").isEmpty();
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String token = created.json().get("token").asString();
        JsonNode done = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> edc.exchange("GET", "/judge0/submissions/" + token, null, "X-Auth-Token", "alice-key")
                                .json(),
                        answer -> answer.at("/status/id").asInt() > 2);
        assertThat(done.get("stdout").asString()).isEqualTo("secret of alice\n");
        assertThat(edc.exchange("GET", "/judge0/submissions/" + token, null, "X-Auth-Token", "bob-key")
                        .status())
                .isEqualTo(404);
        assertThat(edc.get("/judge0/submissions/" + token).status()).isEqualTo(404);
        assertThat(edc.exchange("GET", "/judge0/submissions/batch?tokens=" + token, null, "X-API-Key", "bob-key")
                        .json()
                        .toString())
                .isEqualTo("{\"submissions\":[null]}");
        assertThat(edc.get("/executions/" + token).status())
                .as("nor through EDC's own API")
                .isEqualTo(404);
        assertThat(edc.get("/judge0/languages").status())
                .as("reading languages needs no key")
                .isEqualTo(200);
    }

    @Test
    void shouldAskPistonsClientsForAKeyInPistonsShape() {
        String execute =
                "{\"language\": \"js\", \"version\": \"*\", \"files\": [{\"content\": \"console.log(6 * 7)\"}]}";

        EdcClient.Response none = edc.post("/api/v2/execute", execute);
        EdcClient.Response ran = edc.exchange("POST", "/api/v2/execute", execute, "X-API-Key", "alice-key");

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("message").asString()).isEqualTo("Send your API key in the X-API-Key header.");
        assertThat(ran.status()).as(ran.body()).isEqualTo(200);
        assertThat(ran.json().at("/run/stdout").asString()).isEqualTo("42\n");
    }

    @Test
    void shouldKeepJobesFilesPerKeyAndAskCodeRunnerForOne() {
        byte[] data = "alice's data\n".getBytes(StandardCharsets.UTF_8);
        String id = "a11ce0000000000000000000000000001";
        String file = EdcClient.json(Map.of("file_contents", Base64.getEncoder().encodeToString(data)));
        String run = EdcClient.json(Map.of(
                "run_spec",
                Map.of(
                        "language_id", "nodejs",
                        "sourcecode", "process.stdout.write(require('fs').readFileSync('data.txt', 'utf8'))",
                        "sourcefilename", "__tester__.nodejs",
                        "file_list", List.of(List.of(id, "data.txt")))));

        EdcClient.Response anonymousPut = edc.exchange("PUT", JOBE + "/files/" + id, file);
        assertThat(anonymousPut.status()).isEqualTo(403);
        assertThat(anonymousPut.json().asString()).isEqualTo("Send your API key in the X-API-KEY header.");
        assertThat(edc.post(JOBE + "/runs", run).status()).isEqualTo(403);
        assertThat(edc.exchange("PUT", JOBE + "/files/" + id, file, "X-API-KEY", "alice-key")
                        .status())
                .isEqualTo(204);

        assertThat(edc.exchange("HEAD", JOBE + "/files/" + id, null, "X-API-KEY", "alice-key")
                        .status())
                .isEqualTo(204);
        assertThat(edc.exchange("HEAD", JOBE + "/files/" + id, null, "X-API-KEY", "bob-key")
                        .status())
                .as("another key's cache does not have it")
                .isEqualTo(404);
        assertThat(edc.exchange("POST", JOBE + "/runs", run, "X-API-KEY", "bob-key")
                        .status())
                .isEqualTo(404);
        EdcClient.Response ran = edc.exchange("POST", JOBE + "/runs", run, "X-API-KEY", "alice-key");
        assertThat(ran.status()).as(ran.body()).isEqualTo(200);
        assertThat(ran.json().get("stdout").asString()).isEqualTo("alice's data\n");
    }

    @Test
    void shouldCountEachAdaptersSubmissionsAgainstTheKeysRateInItsShape() {
        for (int i = 0; i < 6; i++) {
            assertThat(edc.exchange("POST", "/api/v2/execute", "{}", "X-API-Key", "carol-key")
                            .status())
                    .isEqualTo(400);
        }

        EdcClient.Response piston = edc.exchange("POST", "/api/v2/execute", "{}", "X-API-Key", "carol-key");
        EdcClient.Response judge0 = edc.exchange("POST", "/judge0/submissions", "{}", "X-Auth-Token", "carol-key");
        EdcClient.Response jobe = edc.exchange("POST", JOBE + "/runs", "{}", "X-API-KEY", "carol-key");

        assertThat(piston.status()).isEqualTo(429);
        assertThat(piston.header("Retry-After")).isNotNull();
        assertThat(piston.json().get("message").asString()).contains("6 executions per minute");
        assertThat(judge0.status()).isEqualTo(429);
        assertThat(judge0.json().get("error").asString()).contains("6 executions per minute");
        assertThat(jobe.status())
                .as("CodeRunner reads 401 as 'submission limit exceeded'")
                .isEqualTo(401);
        assertThat(jobe.json().asString()).contains("6 executions per minute");
    }
}
