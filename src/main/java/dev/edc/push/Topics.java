package dev.edc.push;

import dev.edc.execution.ExecutionKey;
import dev.edc.execution.ExecutionRequest;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The STOMP topics of an execution. Clients name them {@code /topic/<kind>/<uuid>}; inside, each
 * owner's are apart ({@code /topic/<kind>/<owner>/<uuid>}; the anonymous owner's are the public
 * names), so that a session only ever subscribes within its own owner's namespace.
 */
final class Topics {

    enum Kind {
        RESULT,
        STATUS,
        OUTPUT,
        TESTS;

        String segment() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The only destinations a client may subscribe to: literal, no pattern of any kind. */
    private static final Pattern PUBLIC =
            Pattern.compile("/topic/(result|status|output|tests)/(" + ExecutionRequest.UUID + ")");

    private static final Pattern INTERNAL = Pattern.compile(
            "/topic/(result|status|output|tests)/(?:([A-Za-z0-9_-]{1,64})/)?(" + ExecutionRequest.UUID + ")");

    private Topics() {}

    /** A topic of an execution. */
    record Topic(Kind kind, ExecutionKey key) {

        /** The destination as the broker knows it, within the owner's namespace. */
        String internal() {
            return "/topic/" + kind.segment() + "/" + (key.owner().isEmpty() ? "" : key.owner() + "/") + key.uuid();
        }

        /** The destination as its client names it. */
        String published() {
            return "/topic/" + kind.segment() + "/" + key.uuid();
        }
    }

    static Topic of(Kind kind, ExecutionKey key) {
        return new Topic(kind, key);
    }

    /** What a client of this owner subscribes to, if it names a topic of an execution. */
    static Optional<Topic> parsePublic(String destination, String owner) {
        Matcher m = destination == null ? null : PUBLIC.matcher(destination);
        return m != null && m.matches()
                ? Optional.of(new Topic(
                        Kind.valueOf(m.group(1).toUpperCase(Locale.ROOT)), new ExecutionKey(owner, m.group(2))))
                : Optional.empty();
    }

    /** The topic a broker destination is, if it is one. */
    static Optional<Topic> parseInternal(String destination) {
        Matcher m = destination == null ? null : INTERNAL.matcher(destination);
        return m != null && m.matches()
                ? Optional.of(new Topic(
                        Kind.valueOf(m.group(1).toUpperCase(Locale.ROOT)),
                        new ExecutionKey(m.group(2) == null ? ExecutionKey.ANONYMOUS : m.group(2), m.group(3))))
                : Optional.empty();
    }
}
