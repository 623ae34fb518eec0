package dev.edc.delivery;

import static dev.edc.EdcClient.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.edc.EdcClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two API processes with the same API key and a rate of 10 submissions a minute (set through the
 * environment, EDC_API_KEYS and EDC_REQUESTS_PER_MINUTE, as an operator sets them): together they
 * accept 10, not 20, because their buckets are one, in Redis.
 */
class SharedRateLimitIT {

    private static final String QUEUE = "edc.jobs.shared-rate-limit-it";
    private static final int PER_MINUTE = 10;
    private static final Duration REFILL = Duration.ofMinutes(1).dividedBy(PER_MINUTE);
    // a new key name each run: buckets outlive processes (and test runs) in Redis
    private static final String KEY_NAME =
            "rate-" + UUID.randomUUID().toString().substring(0, 8);

    private static EdcProcess apiA;
    private static EdcProcess apiB;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTwoApiNodes() {
        assumeTrue(
                Machine.hasRunningServices(),
                "needs the RabbitMQ and Redis named by SPRING_RABBITMQ_HOST and SPRING_DATA_REDIS_HOST");
        Map<String, String> environment = Map.of(
                "EDC_QUEUE_NAME",
                QUEUE,
                "EDC_API_KEYS",
                KEY_NAME + ":the-key",
                "EDC_REQUESTS_PER_MINUTE",
                Integer.toString(PER_MINUTE));
        apiA = EdcProcess.api("rate-api-a", 18090, environment).start();
        apiB = EdcProcess.api("rate-api-b", 18091, environment).start();
        apiA.awaitReady();
        apiB.awaitReady();
    }

    @AfterAll
    static void stopThem() {
        if (apiA != null) {
            apiA.close();
            apiB.close();
            Machine.deleteJobQueue(QUEUE);
        }
    }

    @Test
    void shouldAllowTheConfiguredRateAcrossBothNodesTogether() throws Exception {
        assertThat(submit(apiA, null).statusCode())
                .as("the key from EDC_API_KEYS is required")
                .isEqualTo(401);
        int acceptedByA = 0;
        int acceptedByB = 0;
        int refused = 0;
        long start = System.nanoTime();
        for (int i = 0; i < 3 * PER_MINUTE; i++) {
            EdcProcess node = i % 2 == 0 ? apiA : apiB;
            HttpResponse<String> response = submit(node, "the-key");
            if (response.statusCode() == 202) {
                if (node == apiA) {
                    acceptedByA++;
                } else {
                    acceptedByB++;
                }
            } else {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
                refused++;
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        int accepted = acceptedByA + acceptedByB;
        long refills = elapsed.toNanos() / REFILL.toNanos();
        System.out.printf(
                "[rate-limit] %d a minute, two API nodes: %d accepted (A %d, B %d), %d refused in %d ms%n",
                PER_MINUTE, accepted, acceptedByA, acceptedByB, refused, elapsed.toMillis());

        assertThat(accepted)
                .as("the limit, plus the tokens refilled while the %d ms lasted", elapsed.toMillis())
                .isBetween(PER_MINUTE, PER_MINUTE + 1 + (int) refills);
        assertThat(acceptedByA).as("node A took its share").isPositive();
        assertThat(acceptedByB).as("node B took its share").isPositive();
    }

    private HttpResponse<String> submit(EdcProcess node, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + node.port() + "/execute-code"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        EdcClient.json(Map.of("uuid", uniqueId("rate"), "language", "js", "code", "console.log(1)"))));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
