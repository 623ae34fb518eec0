package dev.edc.language;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Resolves what a client names (a language or alias, maybe a version) to a configured entry. */
@Component
public class LanguageRegistry {

    private final List<LanguageVersion> all;
    private final Map<String, String> canonicalNames = new LinkedHashMap<>();

    LanguageRegistry(LanguageProperties properties) {
        this.all = List.copyOf(properties.languages().values());
        for (LanguageVersion entry : all) {
            canonicalNames.put(entry.language().toLowerCase(Locale.ROOT), entry.language());
            entry.aliases().forEach(alias -> canonicalNames.put(alias.toLowerCase(Locale.ROOT), entry.language()));
        }
        requireOneDefaultPerLanguage();
    }

    public List<LanguageVersion> all() {
        return all;
    }

    /** Whether the entry answers requests that name no version: the one flagged, or a language's only one. */
    public boolean isDefault(LanguageVersion entry) {
        return entry.defaultVersion() || versionsOf(entry.language()) == 1;
    }

    private long versionsOf(String language) {
        return all.stream().filter(e -> e.language().equals(language)).count();
    }

    /**
     * The entry for a language (name or alias, any case) and an optional version.
     *
     * @throws UnknownLanguageException if no such language or version is configured
     */
    public LanguageVersion require(String language, String version) {
        String canonical = canonicalNames.get(language.toLowerCase(Locale.ROOT));
        if (canonical == null) {
            throw UnknownLanguageException.language(language, supportedLanguages());
        }
        List<LanguageVersion> versions =
                all.stream().filter(e -> e.language().equals(canonical)).toList();
        if (version == null) {
            return versions.stream().filter(this::isDefault).findFirst().orElseThrow();
        }
        return versions.stream()
                .filter(e -> e.version().equals(version))
                .findFirst()
                .orElseThrow(() -> UnknownLanguageException.version(
                        canonical,
                        version,
                        versions.stream().map(LanguageVersion::version).toList()));
    }

    /** The entry with exactly this language and version, as a queued job names them. */
    public Optional<LanguageVersion> find(String language, String version) {
        return all.stream()
                .filter(e -> e.language().equals(language) && e.version().equals(version))
                .findFirst();
    }

    private List<String> supportedLanguages() {
        return new ArrayList<>(
                all.stream().map(LanguageVersion::language).distinct().toList());
    }

    private void requireOneDefaultPerLanguage() {
        Map<String, Long> defaults = all.stream()
                .filter(LanguageVersion::defaultVersion)
                .collect(Collectors.groupingBy(LanguageVersion::language, Collectors.counting()));
        for (String language : canonicalNames.values()) {
            long flagged = defaults.getOrDefault(language, 0L);
            if (flagged > 1 || flagged == 0 && versionsOf(language) > 1) {
                throw new IllegalStateException("edc.languages: language '" + language
                        + "' has several versions: exactly one needs default-version: true");
            }
        }
    }
}
