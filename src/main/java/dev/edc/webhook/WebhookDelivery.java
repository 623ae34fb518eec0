package dev.edc.webhook;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.edc.execution.ExecutionResult;

/** A result to deliver, as it waits in RabbitMQ: where, whose, and how many tries it had. */
@JsonIgnoreProperties(ignoreUnknown = true) // written by other versions of EDC too
record WebhookDelivery(String url, String owner, ExecutionResult result, int attempt) {

    WebhookDelivery nextAttempt() {
        return new WebhookDelivery(url, owner, result, attempt + 1);
    }
}
