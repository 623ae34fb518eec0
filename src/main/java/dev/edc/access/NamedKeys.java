package dev.edc.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keys configured as {@code name:key} (a bare {@code key} is named {@code key-<n>}, n its place in
 * the list), each known by its name in logs, metrics and ownership, never by the key. Kept as
 * SHA-256 digests and compared in constant time, all of them every time: how long a check takes
 * tells nothing of which key came close.
 */
final class NamedKeys {

    private final List<Key> keys = new ArrayList<>();

    /**
     * @param setting the setting the entries come from, named when one is malformed
     */
    NamedKeys(String setting, List<String> entries) {
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i).strip();
            int colon = entry.indexOf(':');
            String name = colon > 0 ? entry.substring(0, colon) : "key-" + (i + 1);
            String key = colon > 0 ? entry.substring(colon + 1) : entry;
            if (!name.matches("[A-Za-z0-9_-]{1,64}") || key.isEmpty()) {
                throw new IllegalArgumentException(setting + " entry " + (i + 1)
                        + " must be name:key (name of A-Z, a-z, 0-9, '_', '-') or a bare key");
            }
            keys.add(new Key(name, digest(key)));
        }
    }

    boolean isEmpty() {
        return keys.isEmpty();
    }

    /** The name of the key presented, if it is one of these. */
    Optional<String> nameOf(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        byte[] digest = digest(presented);
        String match = null;
        for (Key key : keys) {
            if (MessageDigest.isEqual(key.digest, digest)) {
                match = key.name;
            }
        }
        return Optional.ofNullable(match);
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Key(String name, byte[] digest) {}
}
