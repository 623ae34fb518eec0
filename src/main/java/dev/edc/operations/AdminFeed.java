package dev.edc.operations;

import dev.edc.Roles;
import dev.edc.execution.ExecutionEvent;
import dev.edc.execution.ExecutionSummary;
import dev.edc.push.AdminTopic;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;
import org.springframework.web.socket.messaging.SessionSubscribeEvent;
import org.springframework.web.socket.messaging.SessionUnsubscribeEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the admin pages connected to this node live, over {@link AdminTopic}: every execution
 * that ends (of every owner: this node receives every result) as
 * {@code {"type": "execution", "execution": <summary>}}, and the overview (workers, queue,
 * throughput) every {@code edc.operations.live-interval} as
 * {@code {"type": "overview", "overview": <overview>}}. Nothing is read or sent while no admin
 * page follows the topic here.
 */
@Component
@Profile(Roles.API)
class AdminFeed implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AdminFeed.class);

    private final SimpMessagingTemplate broker;
    private final Operations operations;
    private final JsonMapper json;
    private final Set<String> followers = ConcurrentHashMap.newKeySet(); // "<session> <subscription>"
    private final ScheduledFuture<?> ticks;

    AdminFeed(
            SimpMessagingTemplate broker,
            Operations operations,
            JsonMapper json,
            TaskScheduler scheduler,
            OperationsProperties properties) {
        this.broker = broker;
        this.operations = operations;
        this.json = json;
        this.ticks = scheduler.scheduleWithFixedDelay(this::sendOverview, properties.liveInterval());
    }

    /** Admin pages following the topic on this node. */
    int followers() {
        return followers.size();
    }

    @EventListener
    void onSubscribe(SessionSubscribeEvent event) {
        StompHeaderAccessor headers = StompHeaderAccessor.wrap(event.getMessage());
        if (AdminTopic.DESTINATION.equals(headers.getDestination())) {
            followers.add(headers.getSessionId() + " " + headers.getSubscriptionId());
        }
    }

    @EventListener
    void onUnsubscribe(SessionUnsubscribeEvent event) {
        StompHeaderAccessor headers = StompHeaderAccessor.wrap(event.getMessage());
        followers.remove(headers.getSessionId() + " " + headers.getSubscriptionId());
    }

    @EventListener
    void onDisconnect(SessionDisconnectEvent event) {
        followers.removeIf(follower -> follower.startsWith(event.getSessionId() + " "));
    }

    @EventListener
    void onExecution(ExecutionEvent event) {
        if (!followers.isEmpty() && event.record() != null && event.record().isFinal()) {
            send(Map.of("type", "execution", "execution", ExecutionSummary.of(event.key(), event.record())));
        }
    }

    private void sendOverview() {
        if (followers.isEmpty()) {
            return;
        }
        try {
            send(Map.of("type", "overview", "overview", operations.overview()));
        } catch (RuntimeException e) {
            // the next tick tries again; the page shows its data as of the last one
            log.warn("admin page not updated: {}", e.toString());
        }
    }

    private void send(Object body) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setDestination(AdminTopic.DESTINATION);
        headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
        headers.setLeaveMutable(true);
        broker.send(MessageBuilder.createMessage(json.writeValueAsBytes(body), headers.getMessageHeaders()));
    }

    @Override
    public void destroy() {
        ticks.cancel(false);
    }
}
