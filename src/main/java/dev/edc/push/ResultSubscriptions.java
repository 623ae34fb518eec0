package dev.edc.push;

import dev.edc.Roles;
import dev.edc.execution.ExecutionKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * This node's subscriptions to result topics: which still wait for their result,
 * which have it. Lets at most one result through to each subscription: a result can reach one
 * twice (broadcast and replay racing, or a result announced again after a redelivery), and the
 * second copy is dropped here.
 */
@Component
@Profile(Roles.API)
class ResultSubscriptions implements ChannelInterceptor {

    private final Map<String, SessionSubscriptions> sessions = new ConcurrentHashMap<>();

    /** A subscription registered by the broker; it waits for its result unless it already has it. */
    void subscribed(String sessionId, String subscriptionId, ExecutionKey key) {
        SessionSubscriptions session = session(sessionId);
        synchronized (session) {
            if (!session.delivered.contains(subscriptionId)) {
                session.waiting.put(subscriptionId, key);
            }
        }
    }

    void unsubscribed(String sessionId, String subscriptionId) {
        SessionSubscriptions session = sessions.get(sessionId);
        if (session != null) {
            synchronized (session) {
                session.waiting.remove(subscriptionId);
                session.delivered.remove(subscriptionId); // the client may reuse the id for a new subscription
            }
        }
    }

    /** Subscriptions that have not received their result yet. */
    List<Waiting> waiting() {
        List<Waiting> waiting = new ArrayList<>();
        sessions.forEach((sessionId, session) -> {
            synchronized (session) {
                session.waiting.forEach(
                        (subscriptionId, key) -> waiting.add(new Waiting(sessionId, subscriptionId, key)));
            }
        });
        return waiting;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.wrap(message);
        String destination = headers.getDestination();
        if (headers.getMessageType() != SimpMessageType.MESSAGE
                || headers.getSessionId() == null
                || Topics.parseInternal(destination)
                        .filter(topic -> topic.kind() == Topics.Kind.RESULT)
                        .isEmpty()) {
            return message;
        }
        SessionSubscriptions session = session(headers.getSessionId());
        synchronized (session) {
            if (!session.delivered.add(headers.getSubscriptionId())) {
                return null;
            }
            session.waiting.remove(headers.getSubscriptionId());
            return message;
        }
    }

    @EventListener
    void onDisconnect(SessionDisconnectEvent event) {
        sessions.remove(event.getSessionId());
    }

    private SessionSubscriptions session(String sessionId) {
        return sessions.computeIfAbsent(sessionId, id -> new SessionSubscriptions());
    }

    /** A subscription of one session to the result of one execution. */
    record Waiting(String sessionId, String subscriptionId, ExecutionKey key) {}

    private static final class SessionSubscriptions {
        final Map<String, ExecutionKey> waiting = new HashMap<>(); // subscription id → execution
        final Set<String> delivered = new HashSet<>(); // subscription ids that have their result
    }
}
