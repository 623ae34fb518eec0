package dev.edc.push;

import dev.edc.execution.ExecutionResult;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;

/** The STOMP topics of an execution and the JSON message that carries its record. */
@Component
class ResultMessages {

    static final String RESULT_TOPIC = "/topic/result/";
    static final String STATUS_TOPIC = "/topic/status/";

    private final JsonMapper json;

    ResultMessages(JsonMapper json) {
        this.json = json;
    }

    static String resultTopic(String uuid) {
        return RESULT_TOPIC + uuid;
    }

    /**
     * A progress message for every subscriber of {@code /topic/status/{uuid}}: the record and, for a
     * spinner, {@code waitedMs}, how long the execution waited in the queue before a worker took it.
     */
    Message<byte[]> forStatus(ExecutionResult record) {
        ObjectNode body = json.valueToTree(record);
        if (record.queuedAt() != null && record.startedAt() != null) {
            body.put("waitedMs", Duration.between(record.queuedAt(), record.startedAt()).toMillis());
        }
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setDestination(STATUS_TOPIC + record.uuid());
        return build(headers, body);
    }

    /** A message for the broker: it goes to every subscriber of the destination. */
    Message<byte[]> forTopic(String destination, ExecutionResult record) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setDestination(destination);
        return build(headers, record);
    }

    /** A message for one subscription of one session, sent straight to that client. */
    Message<byte[]> forSubscription(String sessionId, String subscriptionId, String destination, ExecutionResult record) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setSessionId(sessionId);
        headers.setSubscriptionId(subscriptionId);
        headers.setDestination(destination);
        return build(headers, record);
    }

    private Message<byte[]> build(SimpMessageHeaderAccessor headers, Object body) {
        headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
        headers.setLeaveMutable(true);
        return MessageBuilder.createMessage(json.writeValueAsBytes(body), headers.getMessageHeaders());
    }
}
