package dev.edc;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * A STOMP session opened with an {@code X-API-Key} in its CONNECT (an API key, an admin key, or
 * none), which keeps the ERROR frames the server sends it: how a refused subscription shows.
 */
public final class KeyedStompSession implements AutoCloseable {

    private final WebSocketStompClient stomp = new WebSocketStompClient(new StandardWebSocketClient());
    private final BlockingQueue<String> errors = new LinkedBlockingQueue<>();
    private final StompSession session;

    public KeyedStompSession(int port, String key) {
        stomp.setMessageConverter(new JacksonJsonMessageConverter());
        StompHeaders connect = new StompHeaders();
        if (key != null) {
            connect.add("X-API-Key", key);
        }
        try {
            session = stomp.connectAsync(
                            "ws://localhost:" + port + "/ws",
                            new WebSocketHttpHeaders(),
                            connect,
                            new StompSessionHandlerAdapter() {
                                @Override
                                public Type getPayloadType(StompHeaders headers) {
                                    return String.class;
                                }

                                @Override
                                public void handleFrame(StompHeaders headers, Object payload) {
                                    errors.add(String.valueOf(headers.getFirst("message")));
                                }

                                @Override
                                public void handleException(
                                        StompSession session,
                                        StompCommand command,
                                        StompHeaders headers,
                                        byte[] payload,
                                        Throwable exception) {
                                    errors.add("exception: " + exception);
                                }
                            })
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            stomp.stop();
            throw new IllegalStateException("STOMP connect failed", e);
        }
    }

    public EdcClient.Subscription subscribe(String destination) {
        EdcClient.Subscription subscription = new EdcClient.Subscription();
        session.subscribe(destination, subscription);
        return subscription;
    }

    /** The message of the next ERROR frame, or null if none comes within the timeout. */
    public String nextError(Duration timeout) {
        try {
            return errors.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public void close() {
        try {
            if (session.isConnected()) {
                session.disconnect();
            }
        } catch (MessageDeliveryException e) {
            // the server closed it meanwhile, as it does after an ERROR frame
        } finally {
            stomp.stop();
        }
    }
}
