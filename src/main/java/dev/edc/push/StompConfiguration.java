package dev.edc.push;

import dev.edc.Roles;
import dev.edc.access.AccessProperties;
import dev.edc.access.StompApiKeyCheck;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

/**
 * STOMP over a plain WebSocket at {@code /ws}. The in-memory broker serves this node's sessions;
 * results reach every node through RabbitMQ's fanout, not through the broker. Inbound: the
 * session's owner (its API key), then what it may name, then the replay of stored results;
 * outbound: one result per subscription, and the destinations clients subscribed to.
 */
@Configuration(proxyBeanMethods = false)
@Profile(Roles.API)
class StompConfiguration implements WebSocketMessageBrokerConfigurer {

    private final LateSubscriberReplay replay;
    private final ResultSubscriptions resultSubscriptions;
    private final StompApiKeyCheck apiKeyCheck;
    private final DestinationGuard destinations;
    private final StompInput input;
    private final AccessProperties access;

    StompConfiguration(
            LateSubscriberReplay replay,
            ResultSubscriptions resultSubscriptions,
            StompApiKeyCheck apiKeyCheck,
            DestinationGuard destinations,
            StompInput input,
            AccessProperties access) {
        this.replay = replay;
        this.resultSubscriptions = resultSubscriptions;
        this.apiKeyCheck = apiKeyCheck;
        this.destinations = destinations;
        this.input = input;
        this.access = access;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        registry.addEndpoint("/ws")
                .setAllowedOriginPatterns(access.allowedOrigins().toArray(String[]::new));
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.enableSimpleBroker("/topic");
        registry.setApplicationDestinationPrefixes("/app");
        registry.setPreservePublishOrder(true); // a session gets its output, then its result, in order
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(apiKeyCheck, destinations.inboundInterceptor(), input, replay);
    }

    @Override
    public void configureClientOutboundChannel(ChannelRegistration registration) {
        registration.interceptors(resultSubscriptions, destinations);
    }
}
