package dev.edc.access;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whose request this is: the name of its API key, or {@link ApiKeys#NO_KEYS} when keys are off
 * (or for a read without a key, which then sees nothing of anyone's). Set by {@link KeyCheck}.
 */
public final class RequestOwner {

    /** The request attribute holding it. */
    public static final String ATTRIBUTE = "dev.edc.owner";

    private RequestOwner() {}

    public static String of(HttpServletRequest request) {
        Object owner = request.getAttribute(ATTRIBUTE);
        return owner instanceof String name ? name : ApiKeys.NO_KEYS;
    }
}
