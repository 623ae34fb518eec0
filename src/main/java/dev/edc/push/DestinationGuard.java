package dev.edc.push;

import dev.edc.Roles;
import dev.edc.access.StompApiKeyCheck;
import org.springframework.context.annotation.Profile;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * What a STOMP client may name. A SUBSCRIBE is accepted only for a literal
 * {@code /topic/(result|status|output|tests)/<uuid>}: the simple broker reads {@code *},
 * {@code **} and {@code {...}} as patterns, which would let one client see every execution's
 * messages. The subscription is then made within the session's owner's namespace (its API key's),
 * where another owner's execution of the same uuid is a different one: so with keys on a
 * subscription to someone else's uuid is silently empty, and tells nothing of it. Anything else is
 * refused with a STOMP ERROR frame that says why (the session then ends, as STOMP requires). On the
 * way out, messages carry the destination their client subscribed to. The one other topic,
 * {@link AdminTopic}, is open to admin sessions only ({@link StompApiKeyCheck#isAdmin}).
 */
@Component
@Profile(Roles.API)
class DestinationGuard implements ChannelInterceptor {

    /** Refuses what a client may not name, and puts subscriptions in their owner's namespace. */
    Message<?> inbound(Message<?> message) {
        StompHeaderAccessor headers = StompHeaderAccessor.wrap(message);
        StompCommand command = headers.getCommand();
        if (command == StompCommand.SUBSCRIBE) {
            String destination = headers.getDestination();
            if (AdminTopic.DESTINATION.equals(destination)) {
                if (!StompApiKeyCheck.isAdmin(headers)) {
                    throw new MessageDeliveryException("Cannot subscribe to '" + destination
                            + "': it is for admin sessions (CONNECT with an admin key in X-API-Key)");
                }
                return message;
            }
            Topics.Topic topic = Topics.parsePublic(destination, StompApiKeyCheck.owner(headers))
                    .orElseThrow(() -> new MessageDeliveryException(
                            "Cannot subscribe to '" + destination + "': only /topic/result/<uuid>, "
                                    + "/topic/status/<uuid>, /topic/output/<uuid> and /topic/tests/<uuid> exist, with a literal uuid "
                                    + "(1 to 64 of A-Z, a-z, 0-9, '.', '_', '-'; no patterns)"));
            headers.setDestination(topic.internal());
            return MessageBuilder.createMessage(message.getPayload(), headers.getMessageHeaders());
        }
        if (command == StompCommand.SEND
                && StompInput.executionOf(headers.getDestination()).isEmpty()) {
            throw new MessageDeliveryException("Cannot send to '" + headers.getDestination()
                    + "': this server takes messages only at /app/executions/<uuid>/stdin");
        }
        return message;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        // a SimpMessageHeaderAccessor, not a STOMP one: the STOMP handler makes the frame from it
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.wrap(message);
        if (headers.getMessageType() != SimpMessageType.MESSAGE) {
            return message;
        }
        return Topics.parseInternal(headers.getDestination())
                .filter(topic -> !topic.internal().equals(topic.published()))
                .<Message<?>>map(topic -> {
                    headers.setDestination(topic.published());
                    return MessageBuilder.createMessage(message.getPayload(), headers.getMessageHeaders());
                })
                .orElse(message);
    }

    /** The inbound half, as an interceptor of its own (an interceptor sits on one channel). */
    ChannelInterceptor inboundInterceptor() {
        return new ChannelInterceptor() {
            @Override
            public Message<?> preSend(Message<?> message, MessageChannel channel) {
                return inbound(message);
            }
        };
    }
}
