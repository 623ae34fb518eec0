package dev.edc.webhook;

import java.util.ArrayList;
import java.util.List;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The webhook queues: {@code edc.webhook.queue} ({@code edc.webhooks}) holds deliveries to make;
 * each retry waits in the queue of its rank ({@code edc.webhooks.wait.<n>.<ms>ms}), whose messages
 * expire after that rank's backoff back into the first: one wait per queue, so none waits behind a
 * longer one.
 */
@Configuration(proxyBeanMethods = false)
class WebhookTopology {

    /** Where a delivery waits before its try of this rank (0: the first retry). */
    static String waitQueue(WebhookProperties properties, int rank) {
        // the wait is in the queue's name too: a changed backoff declares new queues, not a clash
        return properties.queue() + ".wait." + rank + "."
                + properties.backoff().get(rank).toMillis() + "ms";
    }

    @Bean
    Declarables webhookQueues(WebhookProperties properties) {
        List<Queue> queues =
                new ArrayList<>(List.of(QueueBuilder.durable(properties.queue()).build()));
        for (int rank = 0; rank < properties.backoff().size(); rank++) {
            queues.add(QueueBuilder.durable(waitQueue(properties, rank))
                    .ttl((int) properties.backoff().get(rank).toMillis())
                    .deadLetterExchange("")
                    .deadLetterRoutingKey(properties.queue())
                    .build());
        }
        return new Declarables(queues);
    }
}
