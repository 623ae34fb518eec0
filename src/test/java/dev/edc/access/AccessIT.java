package dev.edc.access;

import static dev.edc.EdcClient.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import tools.jackson.databind.JsonNode;

/**
 * With one setting, API keys: submissions and STOMP connects need a key, and each key is
 * rate-limited. Without admin keys the operational endpoints stay open, but the listing of recent
 * executions shows a key only its own, and no session may follow the admin topic. The keys' names
 * are new each run: their rate-limit buckets live in Redis, across runs.
 */
@TestPropertySource(properties = {"edc.access.requests-per-minute=3", "edc.pool.enabled=false"})
class AccessIT extends IntegrationTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        registry.add(
                "edc.access.api-keys",
                () -> String.join(
                        ",",
                        "team-a-" + RUN + ":team-a-key",
                        "team-b-" + RUN + ":team-b-key",
                        "team-c-" + RUN + ":team-c-key",
                        "team-d-" + RUN + ":team-d-key"));
    }

    @Test
    void shouldRefuseSubmissionsWithoutAValidKey() throws Exception {
        HttpResponse<String> none = submit(null);
        HttpResponse<String> wrong = submit("guessed");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(none.body()).contains("Send your API key in the X-API-Key header.");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("is not valid");
    }

    @Test
    void shouldLimitEachKeyToItsRateWithRetryAfter() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(submit("team-a-key").statusCode()).isEqualTo(202);
        }
        HttpResponse<String> fourth = submit("team-a-key");

        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(fourth.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 60L);
        assertThat(fourth.body()).contains("3 executions per minute");
        assertThat(submit("team-b-key").statusCode())
                .as("another key has its own budget")
                .isEqualTo(202);
    }

    @Test
    void shouldRefuseAStompConnectWithoutAKey() throws Exception {
        WebSocketStompClient stomp = new WebSocketStompClient(new StandardWebSocketClient());
        String url = "ws://localhost:" + port + "/ws";

        assertThatThrownBy(() -> stomp.connectAsync(
                                url,
                                new WebSocketHttpHeaders(),
                                new StompHeaders(),
                                new StompSessionHandlerAdapter() {})
                        .get(5, TimeUnit.SECONDS))
                .isInstanceOf(Exception.class);

        StompHeaders withKey = new StompHeaders();
        withKey.add("X-API-Key", "team-b-key");
        var session = stomp.connectAsync(url, new WebSocketHttpHeaders(), withKey, new StompSessionHandlerAdapter() {})
                .get(5, TimeUnit.SECONDS);
        assertThat(session.isConnected()).isTrue();
        session.disconnect();
        stomp.stop();
    }

    @Test
    void shouldListToAKeyOnlyItsOwnRecentExecutionsWhenNoAdminKeysAreSet() throws Exception {
        String mine = uniqueId("mine");
        String theirs = uniqueId("theirs");
        assertThat(submit("team-c-key", mine).statusCode()).isEqualTo(202);
        assertThat(submit("team-d-key", theirs).statusCode()).isEqualTo(202);

        HttpResponse<String> listing = get("/executions?limit=1000", "team-c-key");
        HttpResponse<String> anonymous = get("/executions?limit=1000", null);

        assertThat(listing.statusCode()).isEqualTo(200);
        JsonNode executions = EdcClient.JSON_MAPPER.readTree(listing.body());
        assertThat(executions.valueStream().map(e -> e.get("uuid").asString()))
                .contains(mine)
                .doesNotContain(theirs);
        assertThat(executions.valueStream().map(e -> e.get("owner").asString())).containsOnly("team-c-" + RUN);
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body())
                .as("a request without a key owns nothing of a key's")
                .doesNotContain(mine, theirs);
        assertThat(get("/workers", "team-c-key").statusCode())
                .as("open without admin keys")
                .isEqualTo(200);
    }

    @Test
    void shouldRefuseTheAdminTopicToEverySessionWhenNoAdminKeysAreSet() {
        try (KeyedStompSession session = new KeyedStompSession(port, "team-b-key")) {
            session.subscribe("/topic/admin");

            assertThat(session.nextError(Duration.ofSeconds(5))).contains("it is for admin sessions");
        }
    }

    private HttpResponse<String> submit(String key) throws Exception {
        return submit(key, uniqueId("key"));
    }

    private HttpResponse<String> submit(String key, String uuid) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/execute-code"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        EdcClient.json(Map.of("uuid", uuid, "language", "js", "code", "console.log(1)"))));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
