package dev.edc.access;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The configured API keys ({@code edc.access.api-keys}), each with a name that logs, metrics and
 * ownership use instead of the key itself (see {@link NamedKeys}).
 */
@Component
public class ApiKeys {

    /** The name of the owner of every execution when no keys are configured. */
    public static final String NO_KEYS = "";

    private final NamedKeys keys;

    ApiKeys(AccessProperties properties) {
        this.keys = new NamedKeys("edc.access.api-keys", properties.apiKeys());
    }

    public boolean required() {
        return !keys.isEmpty();
    }

    /** The name of the key presented, if it is one of ours. */
    public Optional<String> nameOf(String presented) {
        return keys.nameOf(presented);
    }
}
