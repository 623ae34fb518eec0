package dev.edc.push;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edc.execution.ExecutionKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which destinations a client may name, and how each owner's are kept apart. */
class TopicsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/topic/**",
                "/topic/*",
                "/topic/result/*",
                "/topic/result/**",
                "/topic/status/*",
                "/topic/result/{id}",
                "/topic/result/a*",
                "/topic/result/?",
                "/topic/result/",
                "/topic/result",
                "/topic/result/a/b",
                "/topic/other/a",
                "/topic/result/..",
                "/topic/result/.",
                "/queue/result/a",
                "/topic/result/a b",
                "topic/result/a"
            })
    void shouldRefuseAnyPatternOrUnknownDestination(String destination) {
        assertThat(Topics.parsePublic(destination, "")).isEmpty();
    }

    @Test
    void shouldRefuseAnOverlongUuid() {
        assertThat(Topics.parsePublic("/topic/result/" + "a".repeat(65), "")).isEmpty();
        assertThat(Topics.parsePublic("/topic/result/" + "a".repeat(64), "")).isPresent();
    }

    @Test
    void shouldPutASubscriptionInItsOwnersNamespace() {
        Topics.Topic topic =
                Topics.parsePublic("/topic/output/run-1.b_c", "team-a").orElseThrow();

        assertThat(topic.kind()).isEqualTo(Topics.Kind.OUTPUT);
        assertThat(topic.key()).isEqualTo(new ExecutionKey("team-a", "run-1.b_c"));
        assertThat(topic.internal()).isEqualTo("/topic/output/team-a/run-1.b_c");
        assertThat(topic.published()).isEqualTo("/topic/output/run-1.b_c");
        assertThat(Topics.parseInternal(topic.internal())).contains(topic);
    }

    @Test
    void shouldKeepAnonymousTopicsAsTheirClientsNameThem() {
        Topics.Topic topic = Topics.parsePublic("/topic/result/1", "").orElseThrow();

        assertThat(topic.internal()).isEqualTo("/topic/result/1");
        assertThat(Topics.parseInternal("/topic/result/1")).contains(topic);
    }
}
