package dev.edc.grading;

import static dev.edc.EdcClient.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.edc.EdcClient;
import dev.edc.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A whole class's work at once: each submission of a batch on its own, and the records read back together. */
class BatchIT extends IntegrationTest {

    @Test
    void shouldQueueTheValidSubmissionsOfABatchOfFiftyAndSayWhatIsWrongWithTheOthers() {
        List<Object> submissions = new ArrayList<>();
        List<String> uuids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String uuid = uniqueId("batch-" + i);
            uuids.add(uuid);
            Map<String, Object> submission =
                    new HashMap<>(Map.of("uuid", uuid, "language", "js", "code", "console.log(" + i + ")"));
            switch (i) {
                case 7 -> submission.put("language", "cobol");
                case 13 -> submission.put("limits", Map.of("timeMs", "soon"));
                case 21 -> submission.put("privileged", true);
                case 34 -> submission.remove("code");
                default -> {}
            }
            submissions.add(submission);
        }

        EdcClient.Response answer = edc.post("/execute-code/batch", EdcClient.json(Map.of("submissions", submissions)));

        assertThat(answer.status()).isEqualTo(202);
        List<JsonNode> entries = answer.json().get("submissions").valueStream().toList();
        assertThat(entries).hasSize(50);
        assertThat(entries.get(7).at("/error/detail").asString()).startsWith("Language 'cobol' is not supported");
        assertThat(entries.get(13).at("/error/detail").asString())
                .isEqualTo("submissions[13]: The body must be a JSON object "
                        + "as described in the API (code, language, ...): limits.timeMs must be an integer.");
        assertThat(entries.get(21).at("/error/detail").asString()).contains("unknown field 'privileged'");
        assertThat(entries.get(34).at("/error/detail").asString())
                .isEqualTo("code is required (or files, for a program of several files).");
        for (int i : List.of(7, 13, 21, 34)) {
            assertThat(entries.get(i).at("/error/status").asInt()).isEqualTo(400);
            assertThat(entries.get(i).has("uuid")).isFalse();
        }
        for (int i = 0; i < 50; i++) {
            if (!List.of(7, 13, 21, 34).contains(i)) {
                assertThat(entries.get(i).get("uuid").asString()).isEqualTo(uuids.get(i));
                assertThat(entries.get(i).get("status").asString()).isEqualTo("QUEUED");
                assertThat(entries.get(i).get("controlToken").asString()).isNotBlank();
            }
        }

        String asked = String.join(",", uuids.subList(0, 10)) + ",never-" + uuids.get(0);
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(() -> edc.get("/executions?uuids=" + asked)
                        .json()
                        .valueStream()
                        .limit(10)
                        .filter(record -> !record.isNull())
                        .allMatch(record -> record.get("status").asString().equals("SUCCESS")));
        List<JsonNode> records =
                edc.get("/executions?uuids=" + asked).json().valueStream().toList();
        assertThat(records).hasSize(11);
        assertThat(records.get(0).get("stdout").asString()).isEqualTo("0\n");
        assertThat(records.get(7).isNull()).as("refused: never stored").isTrue();
        assertThat(records.get(9).get("stdout").asString()).isEqualTo("9\n");
        assertThat(records.get(10).isNull()).as("unknown").isTrue();
    }

    @Test
    void shouldRefuseABatchOfNoneOrTooMany() {
        EdcClient.Response none = edc.post("/execute-code/batch", "{\"submissions\": []}");
        List<Object> fiftyOne = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            fiftyOne.add(Map.of("language", "js", "code", "1"));
        }
        EdcClient.Response tooMany = edc.post("/execute-code/batch", EdcClient.json(Map.of("submissions", fiftyOne)));

        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("detail").asString()).isEqualTo("submissions must hold 1 to 50 submissions.");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("detail").asString()).isEqualTo("submissions must hold 1 to 50 submissions.");
    }
}
