package dev.edc.execution;

import dev.edc.language.LanguageVersion;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Which configured languages can run here: a language whose runner image could not be built is
 * unavailable, with the reason (told by {@link WorkerSetup} on a worker; an API-only node knows of
 * no problem).
 */
@Component
public class LanguageAvailability {

    private final Map<String, String> problems = new ConcurrentHashMap<>();

    public void unavailable(LanguageVersion language, String why) {
        problems.put(language.key(), why);
    }

    /** Why the language cannot run, if it cannot. */
    public Optional<String> problem(LanguageVersion language) {
        return Optional.ofNullable(problems.get(language.key()));
    }
}
