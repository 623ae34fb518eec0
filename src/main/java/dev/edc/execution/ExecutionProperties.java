package dev.edc.execution;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Server-side bounds on what one request may ask: {@code edc.execution.*}.
 *
 * @param maxTimeMs    largest {@code limits.timeMs} a request may give
 * @param maxMemoryMb  largest {@code limits.memoryMb}
 * @param maxOutputKb  largest {@code limits.outputKb}
 * @param maxCodeSize  largest {@code code}, in UTF-8 bytes (413 above)
 * @param maxStdinSize largest {@code stdin}, in UTF-8 bytes (413 above)
 * @param maxArgs      most command-line arguments
 * @param resultTtl    how long a record is kept after it is created or finished
 * @param waitBound    how long {@code ?wait=true} waits before answering 202
 */
@Validated
@ConfigurationProperties("edc.execution")
public record ExecutionProperties(
        @DefaultValue("20000") @Positive long maxTimeMs,
        @DefaultValue("1024") @Positive long maxMemoryMb,
        @DefaultValue("1024") @Positive long maxOutputKb,
        @DefaultValue("64KB") DataSize maxCodeSize,
        @DefaultValue("1MB") DataSize maxStdinSize,
        @DefaultValue("64") @Positive int maxArgs,
        @DefaultValue("24h") Duration resultTtl,
        @DefaultValue("30s") Duration waitBound) {
}
