package dev.edc.judge0;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.edc.EdcClient;
import dev.edc.IntegrationTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A Judge0 submission's {@code callback_url} gets what Judge0 sends there: a PUT of the finished
 * submission, Judge0's default attributes, texts in Base64; EDC signs it as every webhook. (The
 * settings are WebhookIT's, so the two share a context; the receiver is on this machine, hence
 * private addresses allowed.)
 */
@TestPropertySource(
        properties = {
            "edc.webhook.secret=grader-secret",
            "edc.webhook.allow-private=true",
            "edc.webhook.backoff=300ms,600ms,1s"
        })
class Judge0CallbackIT extends IntegrationTest {

    private HttpServer receiver;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    record Delivery(String method, String signature, String execution, byte[] body) {}

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/judge0-callback", exchange -> {
            deliveries.add(new Delivery(
                    exchange.getRequestMethod(),
                    exchange.getRequestHeaders().getFirst("X-EDC-Signature"),
                    exchange.getRequestHeaders().getFirst("X-EDC-Execution"),
                    exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void shouldPutTheFinishedSubmissionToItsCallbackAsJudge0Does() throws Exception {
        EdcClient.Response created = edc.post(
                "/judge0/submissions",
                EdcClient.json(Map.of(
                        "language_id",
                        63,
                        "source_code",
                        "console.log('called back'); console.error('é')",
                        "callback_url",
                        callback())));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String token = created.json().get("token").asString();
        Delivery delivery = awaitDelivery(token);
        assertThat(delivery.method()).isEqualTo("PUT");
        assertThat(delivery.signature()).isEqualTo("sha256=" + hmac("grader-secret", delivery.body()));
        JsonNode submission = EdcClient.JSON_MAPPER.readTree(delivery.body());
        assertThat(submission.propertyNames())
                .containsExactlyInAnyOrder(
                        "token", "time", "memory", "stdout", "stderr", "compile_output", "message", "status");
        assertThat(submission.get("token").asString()).isEqualTo(token);
        assertThat(submission.get("status").get("id").asInt()).isEqualTo(3);
        assertThat(submission.get("status").get("description").asString()).isEqualTo("Accepted");
        assertThat(submission.get("stdout").asString()).isEqualTo("Y2FsbGVkIGJhY2sK\n"); // Base64, as Ruby writes it
        assertThat(decoded(submission.get("stderr"))).isEqualTo("é\n");
        assertThat(submission.get("compile_output").isNull()).isTrue();
        assertThat(submission.get("time").asString()).matches("\\d+\\.\\d{3}");
        assertThat(submission.get("memory").asLong()).isPositive();
    }

    @Test
    void shouldCallBackEachSubmissionOfABatchWithItsOwnVerdict() throws Exception {
        EdcClient.Response created = edc.post(
                "/judge0/submissions/batch",
                EdcClient.json(Map.of(
                        "submissions",
                        List.of(
                                Map.of(
                                        "language_id",
                                        63,
                                        "source_code",
                                        "console.log(2 + 2)",
                                        "expected_output",
                                        "5",
                                        "callback_url",
                                        callback()),
                                Map.of(
                                        "language_id",
                                        63,
                                        "source_code",
                                        "process.exit(3)",
                                        "callback_url",
                                        callback())))));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode wrong = json(awaitDelivery(created.json().get(0).get("token").asString()));
        assertThat(wrong.get("status").get("id").asInt()).isEqualTo(4);
        assertThat(wrong.get("status").get("description").asString()).isEqualTo("Wrong Answer");
        assertThat(decoded(wrong.get("stdout"))).isEqualTo("4\n");
        JsonNode failed = json(awaitDelivery(created.json().get(1).get("token").asString()));
        assertThat(failed.get("status").get("id").asInt()).isEqualTo(11);
        assertThat(decoded(failed.get("message"))).isEqualTo("Exited with error status 3");
    }

    private String callback() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/judge0-callback";
    }

    private Delivery awaitDelivery(String token) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> deliveries.stream().anyMatch(delivery -> token.equals(delivery.execution())));
        List<Delivery> mine = deliveries.stream()
                .filter(delivery -> token.equals(delivery.execution()))
                .toList();
        assertThat(mine).as("deliveries for " + token).hasSize(1);
        return mine.getFirst();
    }

    private static JsonNode json(Delivery delivery) {
        return EdcClient.JSON_MAPPER.readTree(delivery.body());
    }

    private static String decoded(JsonNode base64) {
        return new String(Base64.getMimeDecoder().decode(base64.asString()), StandardCharsets.UTF_8);
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(
                secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(body));
    }
}
