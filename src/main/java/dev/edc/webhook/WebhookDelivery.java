package dev.edc.webhook;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.edc.execution.CallbackFormat;
import dev.edc.execution.ExecutionResult;

/**
 * A result to deliver, as it waits in RabbitMQ: where, in which format (absent, from an older
 * EDC: EDC's), whose, and how many tries it had.
 */
@JsonIgnoreProperties(ignoreUnknown = true) // written by other versions of EDC too
record WebhookDelivery(String url, CallbackFormat format, String owner, ExecutionResult result, int attempt) {

    WebhookDelivery nextAttempt() {
        return new WebhookDelivery(url, format, owner, result, attempt + 1);
    }
}
