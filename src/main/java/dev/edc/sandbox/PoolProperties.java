package dev.edc.sandbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The warm pool: {@code edc.pool.*}. Sizes are per language, {@code edc.languages[*].runner.pool-size}.
 *
 * @param enabled      switch for the whole pool: off, every job gets a container made on demand
 * @param maxAge       a warm container older than this is replaced (keeps runners fresh, labels valid)
 * @param idleAfter    a pool whose language saw no job for this long shrinks to nothing until the next job
 * @param memoryBudget the memory all warm containers use stays under this: each init measures its
 *                     container's use (its cgroup's count) once ready; one not yet measured counts
 *                     as the last of its kind measured, or as its memory limit
 * @param maintainInterval how often old containers are retired and unused pools shrunk
 */
@ConfigurationProperties("edc.pool")
record PoolProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30m") Duration maxAge,
        @DefaultValue("10m") Duration idleAfter,
        @DefaultValue("2GB") DataSize memoryBudget,
        @DefaultValue("15s") Duration maintainInterval) {}
