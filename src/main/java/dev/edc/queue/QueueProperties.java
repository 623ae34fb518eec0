package dev.edc.queue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The job queue: {@code edc.queue.*}.
 *
 * @param name           the durable queue every worker competes for; its dead letters go through
 *                       {@code <name>.dlx} to {@code <name>.dead}, jobs tried again later wait in
 *                       {@code <name>.wait}. A queue's bound is fixed when it is first declared
 *                       (RabbitMQ refuses to redeclare it with another one), so a different bound on
 *                       the same broker needs another name
 * @param maxLength      jobs the queue holds before the broker refuses more (the API answers 429)
 * @param confirmTimeout how long a publisher waits for the broker to confirm a message (503 past it)
 * @param statisticsAge  how long the queue's depth, consumers and dead letters, once read from the
 *                       broker, are answered again without asking it
 */
@Validated
@ConfigurationProperties("edc.queue")
record QueueProperties(
        @DefaultValue("edc.jobs") @NotBlank String name,
        @DefaultValue("10000") @Positive int maxLength,
        @DefaultValue("5s") Duration confirmTimeout,
        @DefaultValue("2s") Duration statisticsAge) {

    String deadLetterExchange() {
        return name + ".dlx";
    }

    String deadLetterQueue() {
        return name + ".dead";
    }

    /** Where jobs wait before they go back to the job queue. */
    String waitQueue() {
        return name + ".wait";
    }

    /** Where dead jobs wait before they go back to the dead-letter queue. */
    String deadWaitQueue() {
        return deadLetterQueue() + ".wait";
    }
}
