package dev.edc.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * Another runner's API that EDC answers too (an adapter, in its own package). With API keys on,
 * its requests are owned and rate-limited exactly as EDC's own: the key is read from the header its
 * clients already send, and a refusal is answered in that API's own shape. Each adapter declares
 * one as a bean; this package knows none of them by name.
 */
public interface ForeignApi {

    /** Where its paths start, e.g. {@code /judge0/}. */
    String pathPrefix();

    /** The headers its clients send an API key in, in order of preference; {@code X-API-Key} is always read too. */
    List<String> keyHeaders();

    /** Whether this request submits executions: it then needs a key (with keys on) and counts against the rate. */
    boolean submits(HttpServletRequest request);

    /** Whether this request needs a key with keys on (it keeps something of its owner's), though it submits nothing. */
    default boolean needsKey(HttpServletRequest request) {
        return submits(request);
    }

    /** Answers a refusal in this API's shape (a {@code Retry-After} header is already set but for a key). */
    void refuse(Refusal refusal, HttpServletResponse response) throws IOException;

    /** Why a request was refused before it reached the API, and a sentence saying what to change. */
    record Refusal(Reason reason, String detail) {

        public enum Reason {
            /** Keys are on and the request has none, or one that is not valid. */
            KEY_REQUIRED,
            /** The key (or client address) submitted more than its rate allows. */
            TOO_MANY_REQUESTS,
            /** What the check needs (the store of rate limits) is down: nothing was queued. */
            UNAVAILABLE
        }
    }
}
