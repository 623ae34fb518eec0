package dev.edc.piston;

import dev.edc.Roles;
import dev.edc.execution.LanguageAvailability;
import dev.edc.language.LanguageRegistry;
import dev.edc.language.LanguageVersion;
import dev.edc.language.UnknownLanguageException;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The configured language versions as Piston's runtimes: one per runnable version, its version in
 * semver form; a request's language (name or alias, any case) and version selector resolve to the
 * newest runnable match.
 */
@Component
@Profile(Roles.API)
@ConditionalOnBooleanProperty(name = PistonProperties.ENABLED, matchIfMissing = true)
class PistonRuntimes {

    private final LanguageRegistry languages;
    private final LanguageAvailability availability;

    PistonRuntimes(LanguageRegistry languages, LanguageAvailability availability) {
        this.languages = languages;
        this.availability = availability;
    }

    List<PistonRuntime> all() {
        return runnable().stream().map(PistonRuntime::of).toList();
    }

    /** The newest runnable version of the language that the selector matches. */
    Optional<LanguageVersion> find(String language, String selector) {
        String canonical;
        try {
            canonical = languages.require(language, null).language();
        } catch (UnknownLanguageException e) {
            return Optional.empty();
        }
        List<LanguageVersion> versions = runnable().stream()
                .filter(entry -> entry.language().equals(canonical))
                .toList();
        return PistonVersions.newestMatching(versions, LanguageVersion::version, selector);
    }

    private List<LanguageVersion> runnable() {
        return languages.all().stream()
                .filter(entry -> availability.problem(entry).isEmpty())
                .toList();
    }

    /** One entry of {@code GET /api/v2/runtimes}. */
    record PistonRuntime(String language, String version, List<String> aliases, String runtime) {

        static PistonRuntime of(LanguageVersion entry) {
            return new PistonRuntime(
                    entry.language(), PistonVersions.semver(entry.version()), entry.aliases(), entry.runtime());
        }
    }
}
