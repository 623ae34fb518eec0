package dev.edc.execution;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A piece of a program's output while it runs, on {@code /topic/output/{uuid}} (API.md: Live
 * output): {@code seq} counts up from 0 across both streams with no gap.
 */
@JsonIgnoreProperties(ignoreUnknown = true) // written by other versions of EDC too
public record OutputChunk(long seq, Stream stream, String data) {

    public enum Stream {
        STDOUT,
        STDERR;

        @JsonValue
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
