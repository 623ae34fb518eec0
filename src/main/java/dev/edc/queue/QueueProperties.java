package dev.edc.queue;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The job queue: {@code edc.queue.*}.
 *
 * @param maxLength      jobs the queue holds before the broker refuses more (the API answers 429)
 * @param confirmTimeout how long the API waits for the broker to confirm a job (503 past it)
 */
@Validated
@ConfigurationProperties("edc.queue")
public record QueueProperties(
        @DefaultValue("10000") @Positive int maxLength,
        @DefaultValue("5s") Duration confirmTimeout) {
}
