package dev.edc.execution;

import dev.edc.language.LanguageVersion;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Which configured languages can run here, told by the worker: a language whose runner image could
 * not be built is unavailable (with why); one whose image is being rebuilt waits (its jobs stay
 * queued). An API-only node knows of no problem.
 */
@Component
public class LanguageAvailability {

    /** Where a language stands on this node. */
    public enum Status {
        AVAILABLE,
        REBUILDING,
        UNAVAILABLE
    }

    private final Map<String, Status> statuses = new ConcurrentHashMap<>();
    private final Map<String, String> problems = new ConcurrentHashMap<>();

    public void unavailable(LanguageVersion language, String why) {
        statuses.put(language.key(), Status.UNAVAILABLE);
        problems.put(language.key(), why);
    }

    public void rebuilding(LanguageVersion language) {
        statuses.put(language.key(), Status.REBUILDING);
        problems.remove(language.key());
    }

    public void available(LanguageVersion language) {
        statuses.remove(language.key());
        problems.remove(language.key());
    }

    public Status status(LanguageVersion language) {
        return statuses.getOrDefault(language.key(), Status.AVAILABLE);
    }

    /** Why the language cannot run, if it cannot (one being rebuilt can, later). */
    public Optional<String> problem(LanguageVersion language) {
        return Optional.ofNullable(problems.get(language.key()));
    }
}
