package dev.edc.operations;

import static dev.edc.EdcClient.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.edc.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /executions} without uuids, through the whole service: the executions just run, newest
 * first, filtered by status and language (an alias too), bounded by {@code limit}, without their
 * outputs, and gone once their records expire (a result TTL of 6 s here).
 */
@TestPropertySource(properties = {"edc.execution.result-ttl=6s", "edc.pool.enabled=false"})
class RecentExecutionsIT extends IntegrationTest {

    @Test
    void shouldListTheExecutionsJustRunNewestFirstAndFilterThem() {
        String succeeded = uniqueId("listed-ok");
        String failed = uniqueId("listed-failed");
        String java = uniqueId("listed-java");
        run(succeeded, "javascript", "console.log('fine')");
        run(failed, "js", "process.exit(3)");
        run(java, "java", "public class Main { public static void main(String[] a) { int x = \"no\"; } }");

        List<String> all = uuids(edc.get("/executions?limit=1000").json());
        List<String> runtimeErrors =
                uuids(edc.get("/executions?status=runtime_error").json());
        JsonNode javascript = edc.get("/executions?language=js&limit=1000").json();
        JsonNode two = edc.get("/executions?limit=2").json();

        assertThat(all).containsSubsequence(java, failed, succeeded);
        assertThat(runtimeErrors).contains(failed).doesNotContain(succeeded, java);
        assertThat(uuids(javascript)).contains(failed, succeeded).doesNotContain(java);
        assertThat(javascript.valueStream().map(e -> e.get("language").asString()))
                .containsOnly("javascript");
        assertThat(two.size()).isEqualTo(2);
        JsonNode entry = two.get(0);
        assertThat(entry.get("uuid").asString()).isEqualTo(java);
        assertThat(entry.get("status").asString()).isEqualTo("COMPILATION_ERROR");
        assertThat(entry.get("owner").isNull()).as("no keys: nobody's").isTrue();
        assertThat(entry.has("compileOutput")).as("a summary, without outputs").isFalse();
        assertThat(entry.get("queuedAt").asString()).isNotBlank();
    }

    @Test
    void shouldForgetAnExecutionOnceItsRecordExpired() {
        String uuid = uniqueId("listed-expiring");
        run(uuid, "js", "console.log('soon gone')");
        assertThat(uuids(edc.get("/executions?limit=1000").json())).contains(uuid);

        await("the record and its entry gone")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> edc.get("/executions/" + uuid).status() == 404
                        && !uuids(edc.get("/executions?limit=1000").json()).contains(uuid));
    }

    @Test
    void shouldSayWhichParameterIsWrong() {
        assertThat(edc.get("/executions?limit=0").status()).isEqualTo(400);
        assertThat(edc.get("/executions?language=cobol").json().get("detail").asString())
                .contains("Language 'cobol' is not supported");
    }

    private void run(String uuid, String language, String code) {
        JsonNode result = edc.run(Map.of("uuid", uuid, "language", language, "code", code));
        assertThat(result.get("status").asString()).isNotBlank();
    }

    private static List<String> uuids(JsonNode executions) {
        return executions.valueStream().map(e -> e.get("uuid").asString()).toList();
    }
}
