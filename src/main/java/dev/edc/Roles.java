package dev.edc;

/** Profile expressions for the two roles; with no profile a process plays both. */
public final class Roles {

    /** Beans of the API role: HTTP, STOMP, result fan-in. */
    public static final String API = "!worker";

    /** Beans of the worker role: job listener, sandbox, runner images. */
    public static final String WORKER = "!api";

    private Roles() {}
}
