package dev.edc.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One frame of the init's report (runners/PROTOCOL.md, "The report"): a type, named numbers,
 * and bytes.
 */
record InitFrame(String type, Map<String, Long> fields, byte[] body) {

    /** Parses a header line {@code "<type> <length> <name>=<number>..."}; the body comes after it. */
    static InitFrame header(String line) {
        String[] parts = line.split(" ");
        if (parts.length < 2) {
            throw new IllegalArgumentException("bad frame header: " + line);
        }
        Map<String, Long> fields = new HashMap<>();
        for (int i = 2; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq > 0) {
                fields.put(parts[i].substring(0, eq), Long.parseLong(parts[i].substring(eq + 1)));
            }
        }
        return new InitFrame(parts[0], fields, new byte[Math.toIntExact(Long.parseLong(parts[1]))]);
    }

    long number(String name) {
        return fields.getOrDefault(name, -1L);
    }

    boolean flag(String name) {
        return number(name) > 0;
    }

    int caseIndex() {
        return (int) Math.max(0, number("case"));
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
