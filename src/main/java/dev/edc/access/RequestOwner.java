package dev.edc.access;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whose request this is: the name of its API key, or {@link ApiKeys#NO_KEYS} when keys are off
 * (or for a read without a key, which then sees nothing of anyone's). Set by {@link KeyCheck};
 * an admin's request ({@link AdminCheck}) is marked as such.
 */
public final class RequestOwner {

    /** The request attribute holding it. */
    public static final String ATTRIBUTE = "dev.edc.owner";

    /** The request attribute holding the name of the admin key presented, on operational paths. */
    static final String ADMIN_ATTRIBUTE = "dev.edc.admin";

    /** The request attribute saying that no API keys are configured: every execution is everyone's. */
    static final String OPEN_ATTRIBUTE = "dev.edc.open";

    private RequestOwner() {}

    public static String of(HttpServletRequest request) {
        Object owner = request.getAttribute(ATTRIBUTE);
        return owner instanceof String name ? name : ApiKeys.NO_KEYS;
    }

    /**
     * Whether the request may see every owner's executions in a listing: an admin's, or any
     * request when API keys are off (every execution is then {@link ApiKeys#NO_KEYS}'s).
     */
    public static boolean seesEveryOwner(HttpServletRequest request) {
        return request.getAttribute(ADMIN_ATTRIBUTE) != null
                || Boolean.TRUE.equals(request.getAttribute(OPEN_ATTRIBUTE));
    }

    static boolean isAdmin(HttpServletRequest request) {
        return request.getAttribute(ADMIN_ATTRIBUTE) != null;
    }
}
