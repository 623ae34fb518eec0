package dev.edc.access;

import static dev.edc.EdcClient.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.edc.EdcClient;
import dev.edc.IntegrationTest;
import dev.edc.KeyedStompSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * With API keys and admin keys: every operational endpoint (workers, queue, the listing, the admin
 * page's overview, the actuator but its health probes) needs an admin key, an API key gets 403 and
 * no key 401; an admin sees every owner's executions, named, and may follow the admin topic, which
 * carries every owner's results.
 */
@TestPropertySource(properties = {"edc.access.admin-keys=ops:admin-key", "edc.pool.enabled=false"})
class AdminKeysIT extends IntegrationTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String TEAM_A = "team-a-" + RUN;
    private static final String TEAM_B = "team-b-" + RUN;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void apiKeys(DynamicPropertyRegistry registry) {
        registry.add("edc.access.api-keys", () -> TEAM_A + ":a-key," + TEAM_B + ":b-key");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/workers",
                "/queue",
                "/executions",
                "/executions?status=SUCCESS&limit=3",
                "/admin/overview",
                "/actuator/prometheus",
                "/actuator/info",
                "/actuator"
            })
    void shouldOpenAnOperationalEndpointToAnAdminKeyOnly(String path) throws Exception {
        assertThat(get(path, Map.of()).statusCode()).as("no key").isEqualTo(401);
        assertThat(get(path, Map.of("X-API-Key", "guessed")).statusCode())
                .as("a wrong key")
                .isEqualTo(401);
        HttpResponse<String> apiKey = get(path, Map.of("X-API-Key", "a-key"));
        assertThat(apiKey.statusCode()).as("an API key").isEqualTo(403);
        assertThat(apiKey.body()).contains("needs an admin key");
        assertThat(get(path, Map.of("X-API-Key", "admin-key")).statusCode())
                .as("the admin key")
                .isEqualTo(200);
        assertThat(get(path, Map.of("Authorization", "Bearer admin-key")).statusCode())
                .as("the admin key as Prometheus sends it")
                .isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/actuator/health",
                "/actuator/health/readiness",
                "/actuator/health/liveness",
                "/admin",
                "/admin/admin.js"
            })
    void shouldLeaveTheHealthProbesAndThePagesShellOpen(String path) throws Exception {
        assertThat(get(path, Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldListEveryOwnersExecutionsToAnAdminNamingTheirOwners() throws Exception {
        String ofA = uniqueId("of-a");
        String ofB = uniqueId("of-b");
        assertThat(submit("a-key", ofA).statusCode()).isEqualTo(200);
        assertThat(submit("b-key", ofB).statusCode()).isEqualTo(200);

        JsonNode listing = EdcClient.JSON_MAPPER.readTree(
                get("/executions?limit=1000", Map.of("X-API-Key", "admin-key")).body());

        Map<String, String> owners = new java.util.HashMap<>();
        listing.valueStream()
                .forEach(
                        e -> owners.put(e.get("uuid").asString(), e.get("owner").asString()));
        assertThat(owners).containsEntry(ofA, TEAM_A).containsEntry(ofB, TEAM_B);
        assertThat(get("/executions/" + ofA, Map.of("X-API-Key", "admin-key")).statusCode())
                .as("an admin key opens the operational endpoints only")
                .isEqualTo(401);
    }

    @Test
    void shouldLetOnlyAnAdminSessionFollowTheAdminTopicWithEveryOwnersResults() throws Exception {
        try (KeyedStompSession team = new KeyedStompSession(port, "a-key");
                KeyedStompSession admin = new KeyedStompSession(port, "admin-key")) {
            team.subscribe("/topic/admin");
            EdcClient.Subscription feed = admin.subscribe("/topic/admin");
            assertThat(team.nextError(Duration.ofSeconds(5))).contains("it is for admin sessions");

            JsonNode overview = next(feed, "overview");
            String uuid = uniqueId("followed");
            assertThat(submit("b-key", uuid).statusCode()).isEqualTo(200);
            JsonNode execution = nextExecution(feed, uuid);

            assertThat(overview.get("overview").get("workers").size()).isPositive();
            assertThat(overview.get("overview").get("queue").get("name").asString())
                    .isNotBlank();
            assertThat(execution.get("owner").asString()).isEqualTo(TEAM_B);
            assertThat(execution.get("status").asString()).isEqualTo("SUCCESS");
            assertThat(execution.has("stdout")).as("a summary, without outputs").isFalse();
            assertThat(admin.nextError(Duration.ZERO)).isNull();
        }
    }

    private static JsonNode next(EdcClient.Subscription feed, String type) {
        for (int i = 0; i < 50; i++) {
            JsonNode message = feed.next(Duration.ofSeconds(10));
            if (message.get("type").asString().equals(type)) {
                return message;
            }
        }
        throw new AssertionError("no " + type + " message on the admin topic");
    }

    private static JsonNode nextExecution(EdcClient.Subscription feed, String uuid) {
        for (int i = 0; i < 100; i++) {
            JsonNode message = feed.next(Duration.ofSeconds(30));
            if (message.get("type").asString().equals("execution")
                    && message.get("execution").get("uuid").asString().equals(uuid)) {
                return message.get("execution");
            }
        }
        throw new AssertionError("no execution " + uuid + " on the admin topic");
    }

    private HttpResponse<String> submit(String key, String uuid) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/execute-code?wait=true"))
                        .header("Content-Type", "application/json")
                        .header("X-API-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                EdcClient.json(Map.of("uuid", uuid, "language", "js", "code", "console.log('owned')"))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
