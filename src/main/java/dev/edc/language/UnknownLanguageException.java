package dev.edc.language;

import dev.edc.ProblemException;
import org.springframework.http.HttpStatus;

import java.util.List;

/** A request named a language or version that is not configured: a 400 that lists the choices. */
public class UnknownLanguageException extends ProblemException {

    private UnknownLanguageException(String title, String detail) {
        super(HttpStatus.BAD_REQUEST, title, detail);
    }

    static UnknownLanguageException language(String language, List<String> supported) {
        return new UnknownLanguageException("Unknown language",
                "Language '" + language + "' is not supported. Supported languages: " + String.join(", ", supported) + ".");
    }

    static UnknownLanguageException version(String language, String version, List<String> versions) {
        return new UnknownLanguageException("Unknown version",
                "Version '" + version + "' of " + language + " is not supported. Supported versions: "
                        + String.join(", ", versions) + ".");
    }
}
