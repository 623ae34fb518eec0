package dev.edc.push;

import dev.edc.Roles;
import dev.edc.execution.ExecutionResult;
import dev.edc.execution.ResultStore;
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

    LateSubscriberReplay(
            ResultStore store,
            ResultMessages messages,
            ResultSubscriptions subscriptions,
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
        if (headers.getCommand() != StompCommand.SUBSCRIBE) {
            return;
        }
        Topics.parseInternal(headers.getDestination())
                .filter(topic -> topic.kind() == Topics.Kind.RESULT)
                .ifPresent(topic -> {
                    subscriptions.subscribed(headers.getSessionId(), headers.getSubscriptionId(), topic.key());
                    replay(new ResultSubscriptions.Waiting(
                            headers.getSessionId(), headers.getSubscriptionId(), topic.key()));
                });
    }

    /** Sends the execution's result to this subscription if it is stored and final. */
    void replay(ResultSubscriptions.Waiting subscription) {
        try {
            store.find(subscription.key())
                    .filter(ExecutionResult::isFinal)
                    .ifPresent(record -> clientOutbound.send(messages.forSubscription(
                            subscription.sessionId(), subscription.subscriptionId(), subscription.key(), record)));
        } catch (RuntimeException e) {
            log.warn(
                    "execution {}: could not replay the stored result to a subscriber: {}",
                    subscription.key(),
                    e.getMessage());
        }
    }
}
