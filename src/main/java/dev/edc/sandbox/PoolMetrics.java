package dev.edc.sandbox;

import dev.edc.Roles;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The warm pool's size, as operators see it at {@code /actuator/prometheus}. */
@Component
@Profile(Roles.WORKER)
class PoolMetrics {

    PoolMetrics(WarmPool pool, PoolProperties properties, MeterRegistry registry) {
        Gauge.builder("edc.pool.containers", pool, p -> p.size().containers())
                .description("Warm containers waiting for a job")
                .register(registry);
        Gauge.builder("edc.pool.containers.ready", pool, p -> p.size().ready())
                .description("Warm containers whose runner has warmed up")
                .register(registry);
        Gauge.builder("edc.pool.target", pool, WarmPool::target)
                .description("Warm containers the pool wants now (floors, and what recent bursts took)")
                .register(registry);
        Gauge.builder("edc.pool.memory", pool, p -> p.size().memoryBytes())
                .description(
                        "Memory the warm containers use (measured by each runner when ready; estimated until then)")
                .baseUnit("bytes")
                .register(registry);
        Gauge.builder(
                        "edc.pool.memory.budget",
                        properties,
                        p -> p.memoryBudget().toBytes())
                .description("Most memory the warm containers may use together (edc.pool.memory-budget)")
                .baseUnit("bytes")
                .register(registry);
        Gauge.builder("edc.pool.memory.limit", pool, p -> p.size().memoryLimitBytes())
                .description("Sum of the memory limits of the warm containers")
                .baseUnit("bytes")
                .register(registry);
    }
}
