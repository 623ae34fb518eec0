package dev.edc.sandbox;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The warm pool: {@code edc.pool.*}. A language's {@code edc.languages.<key>.pool-size} is the least
 * it keeps warm while its jobs come; beyond that the pool follows demand.
 *
 * @param enabled      switch for the whole pool: off, every job gets a container made on demand
 * @param maxAge       a warm container older than this is replaced (keeps runners fresh, labels valid)
 * @param idleAfter    a language that saw no job for this long keeps no warm container until its next
 *                     job; a burst is remembered this long
 * @param demandWindow jobs of a language this close together count as one burst: the pool keeps as
 *                     many containers of it as the busiest such window of the last {@code idleAfter} took
 * @param maxSize      most warm containers of one language: bounds the engine's work and what each
 *                     container costs the host outside its cgroup (its runtime shim), which the
 *                     budget does not count
 * @param memoryBudget the memory all warm containers use stays under this: each init measures its
 *                     container's use (its cgroup's count) once ready; one not yet measured counts
 *                     as the last of its kind measured, or as its memory limit
 * @param maintainInterval how often old containers are retired and unused pools shrunk
 * @param followDemand whether the pool grows past the floors as demand asks; off: each language
 *                     keeps exactly its {@code pool-size} while its jobs come (fixed resources, as
 *                     the test suite wants: its many application contexts share one job queue)
 */
@Validated
@ConfigurationProperties("edc.pool")
record PoolProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30m") Duration maxAge,
        @DefaultValue("10m") Duration idleAfter,
        @DefaultValue("10s") Duration demandWindow,
        @DefaultValue("40") @Positive int maxSize,
        @DefaultValue("2GB") DataSize memoryBudget,
        @DefaultValue("15s") Duration maintainInterval,
        @DefaultValue("true") boolean followDemand) {}
