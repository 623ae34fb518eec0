package dev.edc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.converter.StringMessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of a running EDC as a web IDE uses it: HTTP for requests, a real STOMP client over
 * WebSocket for results.
 */
public class EdcClient implements AutoCloseable {

    public static final JsonMapper JSON_MAPPER = JsonMapper.builder().build();
    // A result carries up to the largest output cap (1 MiB by default) of JSON-escaped text, and more.
    private static final int MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
    private static final JsonMapper JSON = JSON_MAPPER;
    /** Above the server's ?wait=true bound (30 s): a test never hangs on a request. */
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(60);

    private final String base;
    private final String apiKey;
    private final HttpClient http = HttpClient.newHttpClient();
    private final WebSocketStompClient stomp;
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private StompSession session;

    public EdcClient(int port) {
        this(port, null);
    }

    /** A client that sends this API key (X-API-Key) on every request and on its STOMP connect; null: none. */
    public EdcClient(int port, String apiKey) {
        this.base = "http://localhost:" + port;
        this.apiKey = apiKey;
        WebSocketContainer container = ContainerProvider.getWebSocketContainer();
        container.setDefaultMaxTextMessageBufferSize(
                MAX_MESSAGE_BYTES); // the default, 8 KiB, closes the session on a big result
        this.stomp = new WebSocketStompClient(new StandardWebSocketClient(container));
        // JSON for what EDC pushes; text as it is for what a client types (a SEND's body)
        this.stomp.setMessageConverter(new CompositeMessageConverter(
                List.of(new StringMessageConverter(), new JacksonJsonMessageConverter())));
        this.stomp.setInboundMessageSizeLimit(MAX_MESSAGE_BYTES);
    }

    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public Response post(String path, String body) {
        return post(path, body, "Content-Type", "application/json");
    }

    /** A POST with headers (name, value, name, value...). */
    public Response post(String path, String body, String... headers) {
        HttpRequest.Builder request = request(path).POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    /**
     * Any HTTP call, as another API's clients make them: a method, a body (null: none) sent as JSON,
     * and headers as name, value pairs (besides this client's API key, if it has one).
     */
    public Response exchange(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = request(path)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    public Response get(String path) {
        return send(request(path).GET().build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(HTTP_TIMEOUT);
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return request;
    }

    /** The STOMP ERROR frames this client's session received (their message headers). */
    public List<String> stompErrors() {
        return errors;
    }

    /** Submits over HTTP (202 expected) and returns the result pushed on its STOMP topic. */
    public JsonNode run(Map<String, ?> request) {
        String uuid = (String) request.get("uuid");
        Subscription results = subscribe("/topic/result/" + uuid);
        Response accepted = post("/execute-code", json(request));
        assertThat(accepted.status())
                .as("POST /execute-code: %s", accepted.body())
                .isEqualTo(202);
        return results.next(Duration.ofSeconds(60));
    }

    /** A STOMP SEND of text to a destination, with headers (name, value, name, value...). */
    public void send(String destination, String text, String... headers) {
        StompHeaders frame = new StompHeaders();
        frame.setDestination(destination);
        frame.setContentType(MimeTypeUtils.TEXT_PLAIN);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            frame.add(headers[i], headers[i + 1]);
        }
        session().send(frame, text);
    }

    public Subscription subscribe(String destination) {
        Subscription subscription = new Subscription();
        session().subscribe(destination, subscription);
        return subscription;
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    private synchronized StompSession session() {
        if (session == null || !session.isConnected()) {
            try {
                StompHeaders connect = new StompHeaders();
                if (apiKey != null) {
                    connect.add("X-API-Key", apiKey);
                }
                session = stomp.connectAsync(
                                base.replace("http", "ws") + "/ws",
                                new WebSocketHttpHeaders(),
                                connect,
                                new StompSessionHandlerAdapter() {
                                    @Override
                                    public void handleFrame(StompHeaders headers, Object payload) {
                                        errors.add(String.valueOf(headers.getFirst("message")));
                                    }
                                })
                        .get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("STOMP connect failed", e);
            }
        }
        return session;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null),
                    response.body(),
                    response.headers());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (session != null && session.isConnected()) {
            session.disconnect();
        }
        stomp.stop();
    }

    public record Response(int status, String contentType, String location, String body, HttpHeaders headers) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** Messages received on one STOMP subscription, as JSON. */
    public static class Subscription implements StompFrameHandler {
        private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();

        @Override
        public Type getPayloadType(StompHeaders headers) {
            return JsonNode.class;
        }

        @Override
        public void handleFrame(StompHeaders headers, Object payload) {
            messages.add((JsonNode) payload);
        }

        public JsonNode next(Duration timeout) {
            try {
                JsonNode message = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
                assertThat(message).as("a STOMP message within %s", timeout).isNotNull();
                return message;
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The next message if one arrives within the timeout, else null. */
        public JsonNode poll(Duration timeout) {
            try {
                return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Messages received and not taken yet, without waiting. */
        public int pending() {
            return messages.size();
        }

        /** Fails if a message arrives (or is there) within the window: proves there is no second one. */
        public void assertNothingMoreWithin(Duration window) {
            await("no further message")
                    .during(window)
                    .atMost(window.plusSeconds(1))
                    .until(messages::isEmpty);
        }
    }
}
