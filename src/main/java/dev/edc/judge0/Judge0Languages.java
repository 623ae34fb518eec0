package dev.edc.judge0;

import dev.edc.Roles;
import dev.edc.execution.LanguageAvailability;
import dev.edc.language.LanguageRegistry;
import dev.edc.language.LanguageVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The configured language versions under their Judge0 ids. An id names one entry only (checked at
 * start); a language version unavailable here (its runner image could not be built) has no id.
 */
@Component
@Profile(Roles.API)
@ConditionalOnBooleanProperty(name = Judge0Properties.ENABLED, matchIfMissing = true)
class Judge0Languages {

    private final Map<Integer, LanguageVersion> byId = new LinkedHashMap<>();
    private final Map<String, Integer> primaryIds = new LinkedHashMap<>();
    private final LanguageAvailability availability;

    Judge0Languages(Judge0LanguageIds ids, LanguageRegistry languages, LanguageAvailability availability) {
        this.availability = availability;
        for (Judge0LanguageIds.Entry entry : ids.languages().values()) {
            LanguageVersion language = languages
                    .find(entry.language(), entry.version())
                    .orElseThrow(() -> new IllegalStateException(
                            "edc.languages: no entry " + entry.language() + " " + entry.version()));
            for (Integer id : entry.judge0Ids()) {
                LanguageVersion before = byId.putIfAbsent(id, language);
                if (before != null) {
                    throw new IllegalStateException("edc.languages: Judge0 id " + id + " names both " + before.key()
                            + " and " + language.key() + "; give each id to one entry");
                }
                primaryIds.putIfAbsent(language.key(), id);
            }
        }
    }

    /** The runnable language version a Judge0 id names. */
    Optional<LanguageVersion> find(int id) {
        return Optional.ofNullable(byId.get(id)).filter(this::runnable);
    }

    /** How a submission in this language version is read back: under its first configured id. */
    Optional<Judge0Language> of(String language, String version) {
        return Optional.ofNullable(primaryIds.get(language + " " + version))
                .map(id -> Judge0Language.of(id, byId.get(id)));
    }

    /** Every id of a runnable language version, by id. */
    List<Judge0Language> all() {
        List<Judge0Language> all = new ArrayList<>();
        byId.forEach((id, language) -> {
            if (runnable(language)) {
                all.add(Judge0Language.of(id, language));
            }
        });
        all.sort(Comparator.comparingInt(Judge0Language::id));
        return all;
    }

    private boolean runnable(LanguageVersion language) {
        return availability.problem(language).isEmpty();
    }

    /** A language as Judge0 lists it: its id and a name of the language and its runtime. */
    record Judge0Language(int id, String name) {

        static Judge0Language of(int id, LanguageVersion language) {
            return new Judge0Language(id, language.language() + " (" + language.runtime() + ")");
        }
    }
}
