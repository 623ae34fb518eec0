package dev.edc.access;

import static dev.edc.EdcClient.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.edc.EdcClient;
import dev.edc.IntegrationTest;
import dev.edc.KeyedStompSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import tools.jackson.databind.JsonNode;

/**
 * With API keys on, an execution belongs to the key that submitted it: no other key, and no request
 * without a key, can read it, subscribe to it, or learn that it exists; a uuid is unique per key.
 * Keys are checked as a server should (named, never logged) and each key is rate-limited. Without
 * admin keys the listing of recent executions shows a key only its own, and no session may follow
 * the admin topic. The keys' names are new each run: their rate-limit buckets live in Redis,
 * shared by every API node, and outlive a test run.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "edc.access.requests-per-minute=4")
class OwnershipIT extends IntegrationTest {

    private static final Duration SILENCE = Duration.ofSeconds(2);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        registry.add(
                "edc.access.api-keys",
                () -> String.join(
                        ",",
                        "alpha-" + RUN + ":key-of-alpha",
                        "beta-" + RUN + ":key-of-beta",
                        "key-of-legacy",
                        "limited-" + RUN + ":key-of-limited"));
    }

    private EdcClient as(String key) {
        return new EdcClient(port, key);
    }

    @Test
    void shouldShowAnExecutionOnlyToTheKeyThatSubmittedIt() {
        String uuid = uniqueId("a-private");
        try (EdcClient alpha = as("key-of-alpha");
                EdcClient beta = as("key-of-beta");
                EdcClient nobody = new EdcClient(port)) {
            EdcClient.Subscription betaBefore = beta.subscribe("/topic/result/" + uuid);
            EdcClient.Subscription betaStatus = beta.subscribe("/topic/status/" + uuid);
            EdcClient.Subscription alphaStatus = alpha.subscribe("/topic/status/" + uuid);
            EdcClient.Subscription alphaResult = alpha.subscribe("/topic/result/" + uuid);

            EdcClient.Response accepted =
                    alpha.post("/execute-code", js(uuid, "setTimeout(() => console.log('secret of A'), 1500)"));
            assertThat(accepted.status()).isEqualTo(202);
            assertThat(alphaStatus.next(Duration.ofSeconds(30)).get("status").asString())
                    .isEqualTo("RUNNING");
            EdcClient.Subscription betaDuring = beta.subscribe("/topic/result/" + uuid);
            assertThat(beta.get("/executions/" + uuid).status())
                    .as("beta, while it runs")
                    .isEqualTo(404);

            JsonNode result = alphaResult.next(Duration.ofSeconds(30));
            EdcClient.Subscription betaAfter = beta.subscribe("/topic/result/" + uuid);

            assertThat(result.get("stdout").asString()).isEqualTo("secret of A\n");
            assertThat(alpha.get("/executions/" + uuid).json()).isEqualTo(result);
            EdcClient.Response unknown = beta.get("/executions/" + uniqueId("never"));
            for (EdcClient other : List.of(beta, nobody)) {
                EdcClient.Response refused = other.get("/executions/" + uuid);
                assertThat(refused.status()).isEqualTo(404);
                assertThat(refused.json().get("title"))
                        .as("the same answer as an unknown uuid")
                        .isEqualTo(unknown.json().get("title"));
                assertThat(refused.body()).doesNotContain("secret of A");
            }
            await().during(SILENCE)
                    .atMost(SILENCE.plusSeconds(1))
                    .until(() -> betaBefore.pending() == 0
                            && betaDuring.pending() == 0
                            && betaAfter.pending() == 0
                            && betaStatus.pending() == 0);
            assertThat(beta.stompErrors())
                    .as("refused silently: nothing tells beta it exists")
                    .isEmpty();
        }
    }

    @Test
    void shouldLetTwoKeysUseTheSameUuidWithoutSeeingEachOther() {
        String uuid = uniqueId("shared");
        try (EdcClient alpha = as("key-of-alpha");
                EdcClient beta = as("key-of-beta")) {
            EdcClient.Subscription alphaResult = alpha.subscribe("/topic/result/" + uuid);
            EdcClient.Subscription betaResult = beta.subscribe("/topic/result/" + uuid);

            assertThat(alpha.post("/execute-code", js(uuid, "console.log('from alpha')"))
                            .status())
                    .isEqualTo(202);
            assertThat(beta.post("/execute-code", js(uuid, "console.log('from beta')"))
                            .status())
                    .as("no 409 that would reveal alpha's uuid")
                    .isEqualTo(202);

            assertThat(alphaResult.next(Duration.ofSeconds(30)).get("stdout").asString())
                    .isEqualTo("from alpha\n");
            assertThat(betaResult.next(Duration.ofSeconds(30)).get("stdout").asString())
                    .isEqualTo("from beta\n");
            assertThat(alpha.get("/executions/" + uuid).json().get("stdout").asString())
                    .isEqualTo("from alpha\n");
            assertThat(beta.get("/executions/" + uuid).json().get("stdout").asString())
                    .isEqualTo("from beta\n");
            alphaResult.assertNothingMoreWithin(SILENCE);
            betaResult.assertNothingMoreWithin(Duration.ZERO);
        }
    }

    @Test
    void shouldRefuseSubmissionsWithoutAValidKeyAndNeverLogAKey(CapturedOutput output) {
        try (EdcClient legacy = as("key-of-legacy");
                EdcClient wrong = as("guessed");
                EdcClient nobody = new EdcClient(port)) {
            EdcClient.Response none = nobody.post("/execute-code", js(uniqueId("k"), "1"));
            EdcClient.Response invalid = wrong.post("/execute-code", js(uniqueId("k"), "1"));
            JsonNode result =
                    legacy.run(Map.of("uuid", uniqueId("legacy"), "language", "js", "code", "console.log(2)"));

            assertThat(none.status()).isEqualTo(401);
            assertThat(none.contentType()).startsWith("application/problem+json");
            assertThat(none.json().get("detail").asString()).isEqualTo("Send your API key in the X-API-Key header.");
            assertThat(invalid.status()).isEqualTo(401);
            assertThat(invalid.json().get("detail").asString()).isEqualTo("The API key in X-API-Key is not valid.");
            assertThat(wrong.get("/executions/anything").status())
                    .as("an invalid key is refused on reads too")
                    .isEqualTo(401);
            assertThat(result.get("stdout").asString())
                    .as("a key of the old, unnamed form")
                    .isEqualTo("2\n");
            assertThat(output.getOut()).doesNotContain("key-of-alpha", "key-of-beta", "key-of-legacy", "guessed");
        }
    }

    @Test
    void shouldRefuseAStompConnectWithoutAValidKey() throws Exception {
        WebSocketStompClient stomp = new WebSocketStompClient(new StandardWebSocketClient());
        String url = "ws://localhost:" + port + "/ws";
        List<String> errors = new CopyOnWriteArrayList<>();
        StompSessionHandlerAdapter handler = new StompSessionHandlerAdapter() {
            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                errors.add(headers.getFirst("message"));
            }
        };

        var refused = stomp.connectAsync(url, new WebSocketHttpHeaders(), new StompHeaders(), handler);

        await().atMost(Duration.ofSeconds(10)).until(() -> !errors.isEmpty());
        assertThat(errors.getFirst()).contains("A valid X-API-Key header is required to connect");
        StompHeaders withKey = new StompHeaders();
        withKey.add("X-API-Key", "key-of-beta");
        StompSession session = stomp.connectAsync(
                        url, new WebSocketHttpHeaders(), withKey, new StompSessionHandlerAdapter() {})
                .get(10, TimeUnit.SECONDS);
        assertThat(session.isConnected()).isTrue();
        assertThat(refused).isNotCompleted().as("the refused session never connected");
        session.disconnect();
        stomp.stop();
    }

    @Test
    void shouldLimitEachKeyToItsRateWithRetryAfter() {
        try (EdcClient limited = as("key-of-limited");
                EdcClient beta = as("key-of-beta")) {
            for (int i = 0; i < 4; i++) {
                assertThat(limited.post("/execute-code", js(uniqueId("rate"), "1"))
                                .status())
                        .isEqualTo(202);
            }
            EdcClient.Response fifth = limited.post("/execute-code", js(uniqueId("rate"), "1"));

            assertThat(fifth.status()).isEqualTo(429);
            assertThat(Long.parseLong(fifth.header("Retry-After"))).isBetween(1L, 60L);
            assertThat(fifth.json().get("detail").asString()).contains("4 executions per minute");
            assertThat(beta.post("/execute-code", js(uniqueId("rate"), "1")).status())
                    .as("another key has its own budget")
                    .isEqualTo(202);
        }
    }

    @Test
    void shouldListToAKeyOnlyItsOwnRecentExecutionsWhenNoAdminKeysAreSet() {
        String mine = uniqueId("mine");
        String theirs = uniqueId("theirs");
        try (EdcClient alpha = as("key-of-alpha");
                EdcClient beta = as("key-of-beta");
                EdcClient nobody = new EdcClient(port)) {
            assertThat(alpha.post("/execute-code", js(mine, "1")).status()).isEqualTo(202);
            assertThat(beta.post("/execute-code", js(theirs, "1")).status()).isEqualTo(202);

            EdcClient.Response listing = alpha.get("/executions?limit=1000");
            EdcClient.Response anonymous = nobody.get("/executions?limit=1000");

            assertThat(listing.status()).isEqualTo(200);
            assertThat(listing.json().valueStream().map(e -> e.get("uuid").asString()))
                    .contains(mine)
                    .doesNotContain(theirs);
            assertThat(listing.json().valueStream().map(e -> e.get("owner").asString()))
                    .containsOnly("alpha-" + RUN);
            assertThat(anonymous.status()).isEqualTo(200);
            assertThat(anonymous.body())
                    .as("a request without a key owns nothing of a key's")
                    .doesNotContain(mine, theirs);
            assertThat(alpha.get("/workers").status())
                    .as("open without admin keys")
                    .isEqualTo(200);
        }
    }

    @Test
    void shouldRefuseTheAdminTopicToEverySessionWhenNoAdminKeysAreSet() {
        try (KeyedStompSession session = new KeyedStompSession(port, "key-of-beta")) {
            session.subscribe("/topic/admin");

            assertThat(session.nextError(Duration.ofSeconds(5))).contains("it is for admin sessions");
        }
    }

    private static String js(String uuid, String code) {
        return EdcClient.json(Map.of("uuid", uuid, "language", "js", "code", code));
    }
}
