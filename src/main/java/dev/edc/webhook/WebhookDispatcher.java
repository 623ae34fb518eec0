package dev.edc.webhook;

import dev.edc.execution.CallbackFormat;
import dev.edc.execution.ExecutionKey;
import dev.edc.execution.ExecutionResult;
import dev.edc.execution.RequestRejectedException;
import dev.edc.execution.Webhooks;
import dev.edc.queue.ConfirmedPublisher;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Checks callback URLs when a request gives one, and queues each result's delivery, confirmed. */
@Component
class WebhookDispatcher implements Webhooks {

    private final WebhookProperties properties;
    private final ConfirmedPublisher publisher;
    private final MessageConverter converter;

    WebhookDispatcher(
            WebhookProperties properties,
            ConfirmedPublisher publisher,
            @Qualifier("jsonMessageConverter") MessageConverter converter) {
        this.properties = properties;
        this.publisher = publisher;
        this.converter = converter;
    }

    @Override
    public void requireDeliverable(String url) {
        if (properties.secret().isBlank()) {
            throw RequestRejectedException.invalid(
                    "callbackUrl",
                    "Webhooks off",
                    "This server sends no webhooks (EDC_WEBHOOK_SECRET is not set): leave out callbackUrl.");
        }
        CallbackAddresses.problem(url, properties.allowPrivate()).ifPresent(problem -> {
            throw RequestRejectedException.invalid("callbackUrl", "Invalid callbackUrl", problem);
        });
    }

    @Override
    public void deliver(String url, CallbackFormat format, ExecutionKey key, ExecutionResult result) {
        send(new WebhookDelivery(url, format, key.owner(), result, 1), properties.queue());
    }

    /** Queues a delivery (a first one, or a retry into its wait queue), returning once the broker has it. */
    void send(WebhookDelivery delivery, String queue) {
        MessageProperties message = new MessageProperties();
        message.setMessageId(delivery.result().uuid());
        publisher.publish(queue, converter.toMessage(delivery, message));
    }
}
