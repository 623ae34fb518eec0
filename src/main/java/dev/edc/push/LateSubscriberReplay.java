package dev.edc.push;

import dev.edc.Roles;
import dev.edc.store.ResultStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Profile;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.stereotype.Component;

/**
 * Sends the stored result to a subscriber that arrives after the execution ended. It looks once
 * the broker has registered the subscription, so a result finishing meanwhile is either broadcast
 * to it or found in the store (and {@link OncePerSubscription} drops a second copy).
 */
@Component
@Profile(Roles.API)
class LateSubscriberReplay implements ExecutorChannelInterceptor {

    private static final Logger log = LoggerFactory.getLogger(LateSubscriberReplay.class);

    private final ResultStore store;
    private final ResultMessages messages;
    private final MessageChannel clientOutbound;

    LateSubscriberReplay(ResultStore store, ResultMessages messages,
                         @Lazy @Qualifier("clientOutboundChannel") MessageChannel clientOutbound) {
        this.store = store;
        this.messages = messages;
        this.clientOutbound = clientOutbound;
    }

    @Override
    public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler, Exception ex) {
        if (!(handler instanceof SimpleBrokerMessageHandler) || ex != null) {
            return;
        }
        StompHeaderAccessor headers = StompHeaderAccessor.wrap(message);
        String destination = headers.getDestination();
        if (headers.getCommand() != StompCommand.SUBSCRIBE || destination == null
                || !destination.startsWith(ResultMessages.RESULT_TOPIC)) {
            return;
        }
        String uuid = destination.substring(ResultMessages.RESULT_TOPIC.length());
        try {
            store.find(uuid).filter(record -> record.isFinal()).ifPresent(record -> clientOutbound.send(
                    messages.forSubscription(headers.getSessionId(), headers.getSubscriptionId(), destination, record)));
        } catch (RuntimeException e) {
            log.warn("execution {}: could not replay the stored result to a late subscriber: {}", uuid, e.getMessage());
        }
    }
}
