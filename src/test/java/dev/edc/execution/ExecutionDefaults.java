package dev.edc.execution;

import java.time.Duration;
import org.springframework.util.unit.DataSize;

/** The server's default bounds (ExecutionProperties' @DefaultValues), for unit tests. */
final class ExecutionDefaults {

    private ExecutionDefaults() {}

    static ExecutionProperties properties() {
        return new ExecutionProperties(
                Duration.ofSeconds(20),
                DataSize.ofMegabytes(1024),
                DataSize.ofKilobytes(1024),
                DataSize.ofKilobytes(64),
                DataSize.ofMegabytes(1),
                64,
                DataSize.ofKilobytes(64),
                DataSize.ofMegabytes(8),
                Duration.ofMinutes(5),
                DataSize.ofKilobytes(64),
                Duration.ofHours(24),
                Duration.ofSeconds(30));
    }
}
