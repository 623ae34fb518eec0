package dev.edc.webhook;

import java.util.ArrayList;
import java.util.List;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The webhook queues: {@code edc.webhooks} holds deliveries to make; each retry waits in the
 * queue of its rank ({@code edc.webhooks.wait.<n>}), whose messages expire after that rank's
 * backoff back into {@code edc.webhooks}: one wait per queue, so none waits behind a longer one.
 */
@Configuration(proxyBeanMethods = false)
class WebhookTopology {

    static final String DELIVERIES = "edc.webhooks";

    static String waitQueue(int rank) {
        return DELIVERIES + ".wait." + rank;
    }

    @Bean
    Declarables webhookQueues(WebhookProperties properties) {
        List<Queue> queues =
                new ArrayList<>(List.of(QueueBuilder.durable(DELIVERIES).build()));
        for (int rank = 0; rank < properties.backoff().size(); rank++) {
            // the wait is in the queue's name too: a changed backoff declares new queues, not a clash
            queues.add(QueueBuilder.durable(waitQueue(rank) + "."
                            + properties.backoff().get(rank).toMillis() + "ms")
                    .ttl((int) properties.backoff().get(rank).toMillis())
                    .deadLetterExchange("")
                    .deadLetterRoutingKey(DELIVERIES)
                    .build());
        }
        return new Declarables(queues);
    }
}
