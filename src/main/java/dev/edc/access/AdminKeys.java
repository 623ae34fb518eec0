package dev.edc.access;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The configured admin keys ({@code edc.access.admin-keys}): with any set, the operational
 * endpoints ({@link OperationalPaths}) and the admin STOMP topic need one of them. An admin key is
 * not an API key: it submits nothing and owns no execution, it sees everyone's.
 */
@Component
public class AdminKeys {

    private final NamedKeys keys;

    AdminKeys(AccessProperties properties) {
        this.keys = new NamedKeys("edc.access.admin-keys", properties.adminKeys());
    }

    public boolean required() {
        return !keys.isEmpty();
    }

    /** The name of the admin key presented, if it is one. */
    public Optional<String> nameOf(String presented) {
        return keys.nameOf(presented);
    }
}
