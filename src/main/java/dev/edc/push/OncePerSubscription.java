package dev.edc.push;

import dev.edc.Roles;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets at most one result through to each subscription. A result can reach a subscription twice,
 * from the broadcast and from the late-subscriber replay, when the two race; this drops the second.
 */
@Component
@Profile(Roles.API)
class OncePerSubscription implements ChannelInterceptor {

    private final Map<String, Set<String>> deliveredBySession = new ConcurrentHashMap<>();

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.wrap(message);
        String destination = headers.getDestination();
        if (headers.getMessageType() != SimpMessageType.MESSAGE || destination == null
                || !destination.startsWith(ResultMessages.RESULT_TOPIC) || headers.getSessionId() == null) {
            return message;
        }
        Set<String> delivered = deliveredBySession.computeIfAbsent(headers.getSessionId(), id -> ConcurrentHashMap.newKeySet());
        return delivered.add(headers.getSubscriptionId()) ? message : null;
    }

    @EventListener
    void onDisconnect(SessionDisconnectEvent event) {
        deliveredBySession.remove(event.getSessionId());
    }
}
