package dev.edc.store;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The result store: {@code edc.store.*} (the records' time to live is
 * {@code edc.execution.result-ttl}).
 *
 * @param recentExecutions the most executions the index of recent executions holds (the listing
 *                         filters among them and returns at most 1000); a summary of about 400
 *                         bytes each
 */
@Validated
@ConfigurationProperties("edc.store")
record StoreProperties(@DefaultValue("10000") @Positive int recentExecutions) {}
