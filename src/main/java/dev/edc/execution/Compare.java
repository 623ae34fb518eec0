package dev.edc.execution;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a program's output is compared with the expected output (API.md: Test cases). */
public enum Compare {
    /** byte for byte */
    EXACT,
    /** trailing whitespace of each line, and trailing blank lines, ignored */
    TRIM,
    /** whitespace-separated tokens equal */
    TOKENS,
    /** tokens equal, numbers within epsilon */
    FLOAT;

    /** The names a request may give, as a regular expression. */
    public static final String NAMES = "exact|trim|tokens|float";

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Compare of(String name) {
        return name == null ? EXACT : valueOf(name.toUpperCase(Locale.ROOT));
    }
}
