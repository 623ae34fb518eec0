package dev.edc.queue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The job queue: {@code edc.queue.*}.
 *
 * @param name           the durable queue every worker competes for; its dead letters go through
 *                       {@code <name>.dlx} to {@code <name>.dead}. A queue's bound is fixed when it is
 *                       first declared (RabbitMQ refuses to redeclare it with another one), so a
 *                       different bound on the same broker needs another name
 * @param maxLength      jobs the queue holds before the broker refuses more (the API answers 429)
 * @param confirmTimeout how long the API waits for the broker to confirm a job (503 past it)
 */
@Validated
@ConfigurationProperties("edc.queue")
public record QueueProperties(
        @DefaultValue("edc.jobs") @NotBlank String name,
        @DefaultValue("10000") @Positive int maxLength,
        @DefaultValue("5s") Duration confirmTimeout) {

    public String deadLetterExchange() {
        return name + ".dlx";
    }

    public String deadLetterQueue() {
        return name + ".dead";
    }
}
