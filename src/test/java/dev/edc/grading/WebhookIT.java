package dev.edc.grading;

import static dev.edc.EdcClient.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.edc.EdcClient;
import dev.edc.IntegrationTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Results delivered to a grader's own HTTP endpoint: signed, retried when the receiver fails.
 * (The receiver is on this machine: this context allows private addresses, as
 * EDC_WEBHOOK_ALLOW_PRIVATE=true does.)
 */
@TestPropertySource(
        properties = {
            "edc.webhook.secret=grader-secret",
            "edc.webhook.allow-private=true",
            "edc.webhook.backoff=300ms,600ms,1s",
            // queues of its own: other test classes' contexts in this JVM have other webhook settings
            "edc.webhook.queue=edc.webhooks.webhook-it",
            "edc.queue.name=edc.jobs.webhook-it"
        })
class WebhookIT extends IntegrationTest {

    private HttpServer receiver;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    record Delivery(String signature, String attempt, byte[] body) {}

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/results", exchange -> {
            deliveries.add(new Delivery(
                    exchange.getRequestHeaders().getFirst("X-EDC-Signature"),
                    exchange.getRequestHeaders().getFirst("X-EDC-Delivery-Attempt"),
                    exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(failuresLeft.getAndDecrement() > 0 ? 500 : 204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/results";
    }

    @Test
    void shouldDeliverASignedResultAndTryAgainAfterTheReceiverFailed() throws Exception {
        failuresLeft.set(2);
        String uuid = uniqueId("hook");

        JsonNode pushed =
                edc.run(Map.of("uuid", uuid, "language", "js", "code", "console.log('graded')", "callbackUrl", url()));

        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries.size() == 3);
        assertThat(deliveries).extracting(Delivery::attempt).containsExactly("1", "2", "3");
        for (Delivery delivery : deliveries) {
            assertThat(delivery.signature()).isEqualTo("sha256=" + hmac("grader-secret", delivery.body()));
        }
        JsonNode delivered = EdcClient.JSON_MAPPER.readTree(deliveries.getLast().body());
        assertThat(delivered).isEqualTo(pushed);
        assertThat(delivered.get("stdout").asString()).isEqualTo("graded\n");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> deliveries.size() == 3);
    }

    @Test
    void shouldRefuseACallbackThatIsNotHttp() {
        EdcClient.Response refused = edc.post(
                "/execute-code",
                EdcClient.json(Map.of(
                        "uuid",
                        uniqueId("hook"),
                        "language",
                        "js",
                        "code",
                        "1",
                        "callbackUrl",
                        "ftp://127.0.0.1/results")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).isEqualTo("callbackUrl must be an http or https URL.");
    }

    static String hmac(String secret, byte[] body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
