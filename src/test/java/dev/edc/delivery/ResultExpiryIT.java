package dev.edc.delivery;

import static dev.edc.EdcClient.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.edc.IntegrationTest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A result is kept for {@code edc.execution.result-ttl} (24 h by default), and no longer: then
 * {@code GET} answers 404 and a late subscriber gets nothing. Redis keeps the record under
 * {@code edc:execution:<uuid>} with that time to live.
 */
class ResultExpiryIT extends IntegrationTest {

    @Autowired
    StringRedisTemplate redis;

    @Test
    void shouldKeepAResultForItsTimeToLiveThenForgetIt() {
        String uuid = uniqueId("ttl");
        JsonNode result = edc.run(Map.of("uuid", uuid, "language", "js", "code", "console.log('kept')"));
        String key = "edc:execution:" + uuid;

        assertThat(redis.getExpire(key, TimeUnit.SECONDS))
                .as("seconds to live")
                .isBetween(
                        Duration.ofHours(24).minusMinutes(5).toSeconds(),
                        Duration.ofHours(24).toSeconds());
        assertThat(edc.get("/executions/" + uuid).json()).isEqualTo(result);

        redis.expire(key, Duration.ofMillis(200)); // the 24 hours, passed

        await().atMost(Duration.ofSeconds(5))
                .until(() -> edc.get("/executions/" + uuid).status() == 404);
        edc.subscribe("/topic/result/" + uuid).assertNothingMoreWithin(Duration.ofSeconds(1));
    }
}
