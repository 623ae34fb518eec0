package dev.edc.judge0;

import java.util.List;
import java.util.Map;

/** A submission Judge0 would not save: answered {@code 422} with its errors by attribute, as Rails writes them. */
class Judge0InvalidException extends RuntimeException {

    private final Map<String, List<String>> errors;

    Judge0InvalidException(Map<String, List<String>> errors) {
        super(errors.toString());
        this.errors = Map.copyOf(errors);
    }

    Map<String, List<String>> errors() {
        return errors;
    }
}
