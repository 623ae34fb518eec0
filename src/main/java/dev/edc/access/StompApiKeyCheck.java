package dev.edc.access;

import dev.edc.Roles;
import org.springframework.context.annotation.Profile;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.stereotype.Component;

/** When API keys are configured, a STOMP CONNECT must carry a valid {@code X-API-Key} header. */
@Component
@Profile(Roles.API)
public class StompApiKeyCheck implements ChannelInterceptor {

    private final AccessProperties properties;

    StompApiKeyCheck(AccessProperties properties) {
        this.properties = properties;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor headers = StompHeaderAccessor.wrap(message);
        if (properties.keysRequired() && headers.getCommand() == StompCommand.CONNECT
                && !properties.accepts(headers.getFirstNativeHeader(SubmissionGate.API_KEY_HEADER))) {
            throw new MessageDeliveryException("A valid " + SubmissionGate.API_KEY_HEADER + " header is required to connect");
        }
        return message;
    }
}
