package dev.edc.access;

import static dev.edc.EdcClient.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edc.EdcClient;
import dev.edc.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/** With one setting, API keys: submissions and STOMP connects need a key, and each key is rate-limited. */
@TestPropertySource(
        properties = {
            "edc.access.api-keys=team-a-key,team-b-key",
            "edc.access.requests-per-minute=3",
            "edc.pool.enabled=false"
        })
class AccessIT extends IntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

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

    private HttpResponse<String> submit(String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/execute-code"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        EdcClient.json(Map.of("uuid", uniqueId("key"), "language", "js", "code", "console.log(1)"))));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
