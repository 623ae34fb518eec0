package dev.edc.api;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Says, in a request's own terms, why its body could not be read: which field, and what was wrong with it. */
final class UnreadableBody {

    private static final String SHAPE = "The body must be a JSON object as described in the API (code, language, ...)";

    private UnreadableBody() {}

    static String describe(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return SHAPE + ": unknown field '" + path(unknown) + "'" + known(unknown.getKnownPropertyIds()) + ".";
        }
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            return SHAPE + ": " + path(mismatch) + " must be " + expected(mismatch.getTargetType()) + ".";
        }
        if (cause instanceof StreamReadException read
                && read.getOriginalMessage() != null
                && read.getOriginalMessage().startsWith("Duplicate")) {
            return SHAPE + ": " + read.getOriginalMessage().lines().findFirst().orElse("") + " (each field once).";
        }
        String message = cause instanceof JacksonException jackson ? jackson.getOriginalMessage() : cause.getMessage();
        return SHAPE + ": "
                + (message == null ? "" : message.lines().findFirst().orElse(""));
    }

    private static String path(JacksonException exception) {
        return exception.getPath().stream()
                .map(reference -> reference.getPropertyName() != null
                        ? "." + reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    private static String known(Collection<Object> names) {
        if (names == null || names.isEmpty()) {
            return "";
        }
        List<String> sorted = names.stream().map(String::valueOf).sorted().toList();
        return " (the fields here are: " + String.join(", ", sorted) + ")";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isRecord()) {
            return "an object";
        }
        return "a " + type.getSimpleName().toLowerCase(Locale.ROOT);
    }
}
