package dev.edc.webhook;

import dev.edc.Roles;
import dev.edc.execution.CallbackFormat;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Delivers results to their callback URLs in their format ({@link CallbackBody}: EDC's POST of the
 * result's JSON, or an adapter's), signed ({@code X-EDC-Signature: sha256=<hex HMAC-SHA256 of the
 * body>}). A delivery that fails (no answer, or not 2xx) waits its backoff in RabbitMQ and is tried
 * again, up to the configured number of tries: nothing is kept in memory, so no process restart loses one. The address is
 * checked again before each try (a name may resolve elsewhere than when it was submitted);
 * redirects are not followed.
 */
@Component
@Profile(Roles.API)
class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    static final String SIGNATURE = "X-EDC-Signature";

    private final WebhookProperties properties;
    private final WebhookDispatcher dispatcher;
    private final Map<CallbackFormat, CallbackBody> bodies;
    private final MeterRegistry metrics;
    private final HttpClient http;

    WebhookSender(
            WebhookProperties properties,
            WebhookDispatcher dispatcher,
            List<CallbackBody> bodies,
            MeterRegistry metrics) {
        this.properties = properties;
        this.dispatcher = dispatcher;
        this.bodies = new EnumMap<>(CallbackFormat.class);
        bodies.forEach(body -> this.bodies.put(body.format(), body));
        this.metrics = metrics;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @RabbitListener(
            id = "webhooks",
            queues = "${edc.webhook.queue:" + WebhookProperties.DEFAULT_QUEUE + "}",
            concurrency = "2")
    void onDelivery(WebhookDelivery delivery) {
        Optional<String> failure = attempt(delivery);
        if (failure.isEmpty()) {
            metrics.counter("edc.webhook.deliveries", "outcome", "delivered").increment();
            log.info(
                    "execution {}: result delivered to its callback (try {})",
                    delivery.result().uuid(),
                    delivery.attempt());
            return;
        }
        if (delivery.attempt() >= properties.attempts()) {
            metrics.counter("edc.webhook.deliveries", "outcome", "given up").increment();
            log.error(
                    "execution {}: gave up delivering its result after {} tries: {}",
                    delivery.result().uuid(),
                    delivery.attempt(),
                    failure.get());
            return;
        }
        int rank = delivery.attempt() - 1;
        log.warn(
                "execution {}: delivery try {} failed ({}); next try in {}",
                delivery.result().uuid(),
                delivery.attempt(),
                failure.get(),
                properties.backoff().get(rank));
        dispatcher.send(delivery.nextAttempt(), WebhookTopology.waitQueue(properties, rank));
    }

    /** One try: empty if delivered, else why not. */
    private Optional<String> attempt(WebhookDelivery delivery) {
        Optional<String> refused = CallbackAddresses.problem(delivery.url(), properties.allowPrivate());
        if (refused.isPresent()) {
            return refused;
        }
        CallbackBody format = bodyOf(delivery);
        byte[] body = format.of(delivery.result());
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                .timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "EDC-Webhook")
                .header("X-EDC-Execution", delivery.result().uuid())
                .header("X-EDC-Delivery-Attempt", Integer.toString(delivery.attempt()))
                .header(SIGNATURE, "sha256=" + sign(body))
                .method(format.method(), HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? Optional.empty() : Optional.of("HTTP " + status);
        } catch (IOException e) {
            return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /** The delivery's format; EDC's when it has none or this node does not make it (its adapter is off). */
    private CallbackBody bodyOf(WebhookDelivery delivery) {
        CallbackBody edc = bodies.get(CallbackFormat.EDC);
        return delivery.format() == null ? edc : bodies.getOrDefault(delivery.format(), edc);
    }

    private String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(properties.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
