package dev.edc.execution;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Server-side bounds on what one request may ask: {@code edc.execution.*}.
 *
 * @param maxTime          largest {@code limits.timeMs} a request may give
 * @param maxMemory        largest {@code limits.memoryMb}
 * @param maxOutput        largest {@code limits.outputKb}
 * @param maxCodeSize      largest program ({@code code}, or all {@code files} together), in UTF-8 bytes (413 above)
 * @param maxStdinSize     largest {@code stdin}, in UTF-8 bytes (413 above)
 * @param maxArgs          most command-line arguments
 * @param maxArgsSize      largest total of the arguments, in UTF-8 bytes (413 above)
 * @param maxTestsSize     largest total of the test cases' stdin and expected output (413 above)
 * @param maxInteractiveTime wall-clock bound of an interactive run (its time limit counts CPU time)
 * @param compileOutput    the compiler's messages kept (past it they are cut, {@code outputTruncated})
 * @param resultTtl        how long a record is kept after it is created or finished
 * @param waitBound        how long {@code ?wait=true} waits before answering 202
 */
@Validated
@ConfigurationProperties("edc.execution")
public record ExecutionProperties(
        @DefaultValue("20s") Duration maxTime,
        @DefaultValue("1024MB") DataSize maxMemory,
        @DefaultValue("1024KB") DataSize maxOutput,
        @DefaultValue("64KB") DataSize maxCodeSize,
        @DefaultValue("1MB") DataSize maxStdinSize,
        @DefaultValue("64") @Positive int maxArgs,
        @DefaultValue("64KB") DataSize maxArgsSize,
        @DefaultValue("8MB") DataSize maxTestsSize,
        @DefaultValue("5m") Duration maxInteractiveTime,
        @DefaultValue("64KB") DataSize compileOutput,
        @DefaultValue("24h") Duration resultTtl,
        @DefaultValue("30s") Duration waitBound) {}
