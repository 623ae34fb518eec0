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
 * to it or found in the store (and {@link ResultSubscriptions} drops a second copy).
 */
@Component
@Profile(Roles.API)
class LateSubscriberReplay implements ExecutorChannelInterceptor {

    private static final Logger log = LoggerFactory.getLogger(LateSubscriberReplay.class);

    private final ResultStore store;
    private final ResultMessages messages;
    private final ResultSubscriptions subscriptions;
    private final MessageChannel clientOutbound;

    LateSubscriberReplay(ResultStore store, ResultMessages messages, ResultSubscriptions subscriptions,
                         @Lazy @Qualifier("clientOutboundChannel") MessageChannel clientOutbound) {
        this.store = store;
        this.messages = messages;
        this.subscriptions = subscriptions;
        this.clientOutbound = clientOutbound;
    }

    @Override
    public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler, Exception ex) {
        if (!(handler instanceof SimpleBrokerMessageHandler) || ex != null) {
            return;
        }
        StompHeaderAccessor headers = StompHeaderAccessor.wrap(message);
        if (headers.getCommand() == StompCommand.UNSUBSCRIBE) {
            subscriptions.unsubscribed(headers.getSessionId(), headers.getSubscriptionId());
            return;
        }
        String destination = headers.getDestination();
        if (headers.getCommand() != StompCommand.SUBSCRIBE || destination == null
                || !destination.startsWith(ResultMessages.RESULT_TOPIC)) {
            return;
        }
        String uuid = destination.substring(ResultMessages.RESULT_TOPIC.length());
        subscriptions.subscribed(headers.getSessionId(), headers.getSubscriptionId(), uuid);
        replay(new ResultSubscriptions.Waiting(headers.getSessionId(), headers.getSubscriptionId(), uuid));
    }

    /** Sends the execution's result to this subscription if it is stored and final. */
    void replay(ResultSubscriptions.Waiting subscription) {
        try {
            store.find(subscription.uuid()).filter(record -> record.isFinal()).ifPresent(record -> clientOutbound.send(
                    messages.forSubscription(subscription.sessionId(), subscription.subscriptionId(),
                            ResultMessages.resultTopic(subscription.uuid()), record)));
        } catch (RuntimeException e) {
            log.warn("execution {}: could not replay the stored result to a subscriber: {}", subscription.uuid(), e.getMessage());
        }
    }
}
