package dev.edc.worker;

import dev.edc.execution.Compare;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares a program's output with the expected one, as the request's {@code compare} says, and
 * says where they first differ: a grader's student needs the line, not just "wrong".
 */
final class Comparison {

    private static final int SHOWN = 80;

    private Comparison() {}

    /** Where the output first differs from the expected one, or empty if it matches. */
    static Optional<String> difference(String expected, String actual, Compare compare, double epsilon) {
        return switch (compare) {
            case EXACT -> lines(expected, actual, false);
            case TRIM -> lines(trimmed(expected), trimmed(actual), true);
            case TOKENS -> tokens(expected, actual, 0, false);
            case FLOAT -> tokens(expected, actual, epsilon, true);
        };
    }

    private static Optional<String> lines(String expected, String actual, boolean trimmed) {
        if (expected.equals(actual)) {
            return Optional.empty();
        }
        String[] want = expected.split("\n", -1);
        String[] got = actual.split("\n", -1);
        for (int i = 0; i < Math.max(want.length, got.length); i++) {
            if (i >= got.length) {
                return Optional.of("line " + (i + 1) + ": expected " + shown(want[i]) + ", but the output ended");
            }
            if (i >= want.length) {
                return Optional.of("line " + (i + 1) + ": expected the end of the output, got " + shown(got[i]));
            }
            if (!want[i].equals(got[i])) {
                return Optional.of("line " + (i + 1) + ": expected " + shown(want[i]) + ", got " + shown(got[i]));
            }
        }
        return Optional.of(trimmed ? "the outputs differ" : "the outputs differ in their line endings");
    }

    /** Each line without trailing whitespace, and no trailing blank lines. */
    private static String trimmed(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            lines.add(line.stripTrailing());
        }
        while (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        return String.join("\n", lines);
    }

    private static Optional<String> tokens(String expected, String actual, double epsilon, boolean numbers) {
        String[] want =
                expected.strip().isEmpty() ? new String[0] : expected.strip().split("\\s+");
        String[] got = actual.strip().isEmpty() ? new String[0] : actual.strip().split("\\s+");
        for (int i = 0; i < Math.max(want.length, got.length); i++) {
            if (i >= got.length) {
                return Optional.of("token " + (i + 1) + ": expected " + shown(want[i]) + ", but the output ended");
            }
            if (i >= want.length) {
                return Optional.of("token " + (i + 1) + ": expected the end of the output, got " + shown(got[i]));
            }
            if (!same(want[i], got[i], epsilon, numbers)) {
                return Optional.of("token " + (i + 1) + ": expected " + shown(want[i]) + ", got " + shown(got[i])
                        + (numbers ? " (within " + epsilon + ")" : ""));
            }
        }
        return Optional.empty();
    }

    private static boolean same(String want, String got, double epsilon, boolean numbers) {
        if (want.equals(got)) {
            return true;
        }
        if (!numbers) {
            return false;
        }
        try {
            double a = Double.parseDouble(want);
            double b = Double.parseDouble(got);
            return Double.isFinite(a) && Double.isFinite(b) && Math.abs(a - b) <= epsilon;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String shown(String text) {
        String cut = text.length() > SHOWN ? text.substring(0, SHOWN) + "..." : text;
        return "\""
                + cut.replace("\\", "\\\\")
                        .replace("\"", "\\\"")
                        .replace("\r", "\\r")
                        .replace("\t", "\\t") + "\"";
    }
}
