package dev.edc.operations;

import dev.edc.Roles;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The workers and the queue as gauges at {@code /actuator/prometheus} of every API node (each
 * reads the same Redis and broker: take their {@code max}): {@code edc_workers},
 * {@code edc_queue_depth}, {@code edc_queue_consumers}, {@code edc_queue_dead_letters}. Read when
 * scraped; one that cannot be read is NaN.
 */
@Component
@Profile(Roles.API)
class OperationsMetrics {

    OperationsMetrics(Operations operations, MeterRegistry registry) {
        Gauge.builder("edc.workers", operations, o -> o.workers().size())
                .description("Workers up (reporting their heartbeat)")
                .register(registry);
        Gauge.builder("edc.queue.depth", operations, o -> o.queue().depth())
                .description("Jobs waiting in the job queue for a worker")
                .register(registry);
        Gauge.builder("edc.queue.consumers", operations, o -> o.queue().consumers())
                .description("Consumers of the job queue (every worker's job slots)")
                .register(registry);
        Gauge.builder("edc.queue.dead.letters", operations, o -> o.queue().deadLetters())
                .description("Dead-lettered jobs not yet given their INTERNAL_ERROR result")
                .register(registry);
    }
}
