package dev.edc.execution;

import java.time.Duration;

/**
 * The limits one execution runs under, all resolved, in the units of the API: wall time in
 * milliseconds, memory in megabytes, stdout+stderr in kilobytes.
 */
public record Limits(long timeMs, long memoryMb, long outputKb) {

    public Duration time() {
        return Duration.ofMillis(timeMs);
    }

    public long memoryBytes() {
        return memoryMb * 1024 * 1024;
    }

    public long outputBytes() {
        return outputKb * 1024;
    }
}
