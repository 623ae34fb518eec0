package dev.edc.push;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edc.execution.ExecutionKey;
import dev.edc.execution.ExecutionResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import tools.jackson.databind.json.JsonMapper;

/** The STOMP messages of an execution's topics, against the golden files, and where they go. */
@JsonTest
class StompMessagesTest {

    @Autowired
    JsonMapper json;

    private ResultMessages messages() {
        return new ResultMessages(json);
    }

    private static ExecutionResult running() {
        return ExecutionResult.queued("golden-1", "java", "17", Instant.parse("2026-11-25T10:00:00.001Z"))
                .running(Instant.parse("2026-11-25T10:00:00.020Z"));
    }

    @Test
    void shouldSendAStatusWithHowLongItWaited() {
        Message<byte[]> message = messages().forStatus(ExecutionKey.anonymous("golden-1"), running());

        assertThat(json.readTree(message.getPayload())).isEqualTo(json.readTree(golden("status-message.json")));
        assertThat(SimpMessageHeaderAccessor.getDestination(message.getHeaders()))
                .isEqualTo("/topic/status/golden-1");
    }

    @Test
    void shouldKeepAnOwnersTopicsInItsOwnNamespace() {
        Message<byte[]> message = messages().forResult(new ExecutionKey("team-a", "golden-1"), running());

        assertThat(SimpMessageHeaderAccessor.getDestination(message.getHeaders()))
                .isEqualTo("/topic/result/team-a/golden-1");
    }

    private static String golden(String file) {
        try (InputStream in = StompMessagesTest.class.getResourceAsStream("/golden/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
