package dev.edc.webhook;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Webhooks (a request's {@code callbackUrl}): {@code edc.webhook.*}.
 *
 * @param secret        the HMAC-SHA256 key of {@code X-EDC-Signature}; empty: webhooks are refused
 * @param allowPrivate  whether URLs may resolve to loopback, private or link-local addresses
 * @param backoff       the waits between tries, one per retry: their number bounds the tries
 * @param timeout       bound on each try (connect and answer)
 * @param queue         the queue of deliveries to make; its retries wait in {@code <queue>.wait.<n>.<ms>ms}.
 *                      Every API node of one EDC shares it (and must share the settings above)
 */
@Validated
@ConfigurationProperties("edc.webhook")
record WebhookProperties(
        @DefaultValue("") String secret,
        @DefaultValue("false") boolean allowPrivate,

        @DefaultValue({"1s", "5s", "30s", "2m", "10m", "30m"})
        List<Duration> backoff,

        @DefaultValue("10s") Duration timeout,

        @DefaultValue(WebhookProperties.DEFAULT_QUEUE) @NotBlank
        String queue) {

    static final String DEFAULT_QUEUE = "edc.webhooks";

    int attempts() {
        return backoff.size() + 1;
    }
}
