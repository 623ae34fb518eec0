package dev.edc.push;

import dev.edc.execution.ExecutionKey;
import dev.edc.execution.ExecutionResult;
import java.time.Duration;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The JSON messages of an execution's topics. */
@Component
class ResultMessages {

    private final JsonMapper json;

    ResultMessages(JsonMapper json) {
        this.json = json;
    }

    /**
     * A progress message for every subscriber of the execution's status topic: the record and, for a
     * spinner, {@code waitedMs}, how long the execution waited in the queue before a worker took it.
     */
    Message<byte[]> forStatus(ExecutionKey key, ExecutionResult record) {
        ObjectNode body = json.valueToTree(record);
        if (record.queuedAt() != null && record.startedAt() != null) {
            body.put(
                    "waitedMs",
                    Duration.between(record.queuedAt(), record.startedAt()).toMillis());
        }
        return build(broadcast(Topics.of(Topics.Kind.STATUS, key)), body);
    }

    /** A message for every subscriber of one of the execution's topics. */
    Message<byte[]> forTopic(Topics.Kind kind, ExecutionKey key, Object body) {
        return build(broadcast(Topics.of(kind, key)), body);
    }

    /** The result, for every subscriber of the execution's result topic. */
    Message<byte[]> forResult(ExecutionKey key, ExecutionResult record) {
        return build(broadcast(Topics.of(Topics.Kind.RESULT, key)), record);
    }

    /** The result, for one subscription of one session, sent straight to that client. */
    Message<byte[]> forSubscription(String sessionId, String subscriptionId, ExecutionKey key, ExecutionResult record) {
        SimpMessageHeaderAccessor headers = broadcast(Topics.of(Topics.Kind.RESULT, key));
        headers.setSessionId(sessionId);
        headers.setSubscriptionId(subscriptionId);
        return build(headers, record);
    }

    private static SimpMessageHeaderAccessor broadcast(Topics.Topic topic) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setDestination(topic.internal());
        return headers;
    }

    private Message<byte[]> build(SimpMessageHeaderAccessor headers, Object body) {
        headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
        headers.setLeaveMutable(true);
        return MessageBuilder.createMessage(json.writeValueAsBytes(body), headers.getMessageHeaders());
    }
}
