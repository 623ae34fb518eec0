package dev.edc.execution;

/** The limits one execution runs under, all resolved: wall time, memory, and stdout+stderr size. */
public record Limits(long timeMs, long memoryMb, long outputKb) {
}
