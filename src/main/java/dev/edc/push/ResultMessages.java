package dev.edc.push;

import dev.edc.execution.ExecutionResult;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;
import tools.jackson.databind.json.JsonMapper;

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

    private Message<byte[]> build(SimpMessageHeaderAccessor headers, ExecutionResult record) {
        headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
        headers.setLeaveMutable(true);
        return MessageBuilder.createMessage(json.writeValueAsBytes(record), headers.getMessageHeaders());
    }
}
