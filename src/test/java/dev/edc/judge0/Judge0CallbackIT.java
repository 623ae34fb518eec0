package dev.edc.judge0;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.edc.EdcClient;
import dev.edc.IntegrationTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A Judge0 submission's {@code callback_url} goes through EDC's webhooks: the result is delivered
 * there, signed, under the submission's token. (The settings are WebhookIT's, so the two share a
 * context; the receiver is on this machine, hence private addresses allowed.)
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
    void shouldDeliverTheResultOfASubmissionToItsCallbackSigned() throws Exception {
        String callback = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/judge0-callback";

        EdcClient.Response created = edc.post(
                "/judge0/submissions",
                EdcClient.json(Map.of(
                        "language_id", 63, "source_code", "console.log('called back')", "callback_url", callback)));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String token = created.json().get("token").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> deliveries.size() == 1);
        Delivery delivery = deliveries.getFirst();
        assertThat(delivery.execution()).isEqualTo(token);
        assertThat(delivery.signature()).isEqualTo("sha256=" + hmac("grader-secret", delivery.body()));
        JsonNode result = EdcClient.JSON_MAPPER.readTree(delivery.body());
        assertThat(result.get("uuid").asString()).isEqualTo(token);
        assertThat(result.get("stdout").asString()).isEqualTo("called back\n");
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(
                secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(body));
    }
}
