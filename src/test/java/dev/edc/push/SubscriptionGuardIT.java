package dev.edc.push;

import static dev.edc.EdcClient.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.edc.EdcClient;
import dev.edc.IntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keys off, as a developer runs EDC: still nobody subscribes to a pattern. Every form the simple
 * broker would read as a pattern is refused with a STOMP ERROR frame that says why, and the spy
 * receives nothing of the execution running meanwhile; a SEND anywhere is refused the same way.
 */
class SubscriptionGuardIT extends IntegrationTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/topic/**",
                "/topic/*",
                "/topic/result/*",
                "/topic/status/*",
                "/topic/result/**",
                "/topic/result/{uuid}",
                "/topic/result/victim*",
                "/topic/*/victim",
                "/topic/result/",
                "/topic/result/..",
                "/topic/result/a/b",
                "/topic/secret/x"
            })
    void shouldRefuseAPatternWithAnErrorFrameAndLeakNothing(String pattern) {
        String victim = uniqueId("victim");
        try (EdcClient spy = new EdcClient(port)) {
            EdcClient.Subscription spying = spy.subscribe(pattern);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !spy.stompErrors().isEmpty());

            edc.run(Map.of("uuid", victim, "language", "js", "code", "console.log('VICTIM SECRET 42')"));

            assertThat(spy.stompErrors()).first().asString().startsWith("Cannot subscribe to '" + pattern + "'");
            spying.assertNothingMoreWithin(Duration.ofMillis(500));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/app/anything", "/topic/result/x", "/app/executions/x/stdin/../cancel"})
    void shouldRefuseASendItDoesNotTake(String destination) {
        try (EdcClient client = new EdcClient(port)) {
            client.send(destination, "hello");

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !client.stompErrors().isEmpty());
            assertThat(client.stompErrors()).first().asString().startsWith("Cannot send to '" + destination + "'");
        }
    }
}
