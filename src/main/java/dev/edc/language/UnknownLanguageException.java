package dev.edc.language;

import java.util.List;

/** A request named a language or version that is not configured; the message lists the choices. */
public class UnknownLanguageException extends RuntimeException {

    private final String title;

    private UnknownLanguageException(String title, String detail) {
        super(detail);
        this.title = title;
    }

    public String title() {
        return title;
    }

    static UnknownLanguageException language(String language, List<String> supported) {
        return new UnknownLanguageException(
                "Unknown language",
                "Language '" + language + "' is not supported. Supported languages: " + String.join(", ", supported)
                        + ".");
    }

    static UnknownLanguageException version(String language, String version, List<String> versions) {
        return new UnknownLanguageException(
                "Unknown version",
                "Version '" + version + "' of " + language + " is not supported. Supported versions: "
                        + String.join(", ", versions) + ".");
    }
}
