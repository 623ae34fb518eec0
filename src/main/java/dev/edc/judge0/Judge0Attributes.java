package dev.edc.judge0;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A submission's attributes, read as Rails casts them, and the errors found so far. */
final class Judge0Attributes {

    private static final int MAX_OPTIONS_LENGTH = 512;

    private final JsonNode submission;
    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    Judge0Attributes(JsonNode submission) {
        this.submission = submission;
    }

    JsonNode submission() {
        return submission;
    }

    /** The errors found so far, by attribute, in the order found. */
    Map<String, List<String>> errors() {
        return errors;
    }

    void error(String attribute, String message) {
        errors.computeIfAbsent(attribute, a -> new ArrayList<>()).add(message);
    }

    boolean present(String attribute) {
        JsonNode value = submission.path(attribute);
        return value.isValueNode() && !value.isNull() && !value.asString().isBlank();
    }

    boolean flag(String attribute) {
        JsonNode value = submission.path(attribute);
        return value.isBoolean()
                ? value.booleanValue()
                : List.of("true", "1", "t").contains(value.asString());
    }

    /** A text attribute (a scalar; anything else is not permitted, hence absent), decoded from Base64 when asked. */
    String text(String attribute, boolean base64) {
        JsonNode value = submission.path(attribute);
        if (!value.isValueNode() || value.isNull()) {
            return null;
        }
        if (!base64) {
            return value.asString();
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(Base64.getMimeDecoder().decode(value.asString())))
                    .toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            error(attribute, "is not UTF-8 text once decoded from Base64 (this server runs text)");
            return null;
        }
    }

    void maxLength(String attribute, String value) {
        if (value != null && value.length() > MAX_OPTIONS_LENGTH) {
            error(attribute, "is too long (maximum is " + MAX_OPTIONS_LENGTH + " characters)");
        }
    }

    /** A numeric attribute within bounds (the least inclusive or not, the most inclusive); null if absent. */
    BigDecimal number(String attribute, BigDecimal least, boolean leastIncluded, BigDecimal most) {
        JsonNode value = submission.path(attribute);
        if (!value.isValueNode() || value.isNull() || value.asString().isBlank()) {
            return null;
        }
        BigDecimal number = decimal(value);
        if (number == null) {
            error(attribute, "is not a number");
            return null;
        }
        if (leastIncluded ? number.compareTo(least) < 0 : number.compareTo(least) <= 0) {
            error(attribute, "must be greater than " + (leastIncluded ? "or equal to " : "") + plain(least));
            return null;
        }
        if (most != null && number.compareTo(most) > 0) {
            error(attribute, "must be less than or equal to " + plain(most));
            return null;
        }
        return number;
    }

    static BigDecimal decimal(JsonNode value) {
        if (value.isNumber()) {
            return value.decimalValue();
        }
        try {
            return value.isString() ? new BigDecimal(value.stringValue().strip()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }
}
