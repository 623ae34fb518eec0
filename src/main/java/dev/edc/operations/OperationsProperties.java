package dev.edc.operations;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What operators see: {@code edc.operations.*}.
 *
 * @param workerId          this worker's id in {@code GET /workers}; empty: {@code <host>-<pid>}
 * @param heartbeatInterval how often a worker reports itself; one that has not reported for three
 *                          intervals is gone (killed, frozen, cut off), so keep it at 20 s or less
 * @param liveInterval      how often the admin page's topic gets the workers, queue and throughput
 *                          (only while an admin page follows it)
 * @param throughputMinutes minutes of executions finished per minute the admin page shows
 */
@Validated
@ConfigurationProperties("edc.operations")
record OperationsProperties(
        @DefaultValue("") String workerId,
        @DefaultValue("5s") Duration heartbeatInterval,
        @DefaultValue("2s") Duration liveInterval,
        @DefaultValue("60") @Positive @Max(120) int throughputMinutes) {

    OperationsProperties {
        if (heartbeatInterval.isNegative()
                || heartbeatInterval.isZero()
                || heartbeatInterval.compareTo(Duration.ofSeconds(20)) > 0) {
            throw new IllegalArgumentException(
                    "edc.operations.heartbeat-interval must be above 0 and at most 20s (a silent worker drops out after three), not "
                            + heartbeatInterval);
        }
    }

    /** How long a worker's report lasts: three heartbeats. */
    Duration heartbeatTtl() {
        return heartbeatInterval.multipliedBy(3);
    }
}
