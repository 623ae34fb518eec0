package dev.edc.execution;

import java.util.Optional;

/** A request that can never be run as given: the reason and detail say what to change. */
public class RequestRejectedException extends RuntimeException {

    /** Why, as the HTTP API answers it. */
    public enum Reason {
        INVALID,
        FORBIDDEN,
        TOO_LARGE,
        NOT_FOUND,
        CONFLICT
    }

    private final Reason reason;
    private final String title;
    private final String field;

    RequestRejectedException(Reason reason, String title, String detail) {
        this(reason, title, detail, null);
    }

    RequestRejectedException(Reason reason, String title, String detail, String field) {
        super(detail);
        this.reason = reason;
        this.title = title;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    public String title() {
        return title;
    }

    /**
     * The member of the request it is about ({@code code}, {@code files}, {@code stdin},
     * {@code args}, {@code limits.memoryMb}...), so that an adapter of another API can name its own
     * field; empty when it is about the request as a whole.
     */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    public static RequestRejectedException invalid(String title, String detail) {
        return new RequestRejectedException(Reason.INVALID, title, detail);
    }

    public static RequestRejectedException invalid(String field, String title, String detail) {
        return new RequestRejectedException(Reason.INVALID, title, detail, field);
    }

    static RequestRejectedException limitAboveMaximum(String field, long value, long maximum) {
        return invalid(
                "limits." + field,
                "Limit above maximum",
                "limits." + field + " is " + value + " but this server allows at most " + maximum + ".");
    }

    static RequestRejectedException forbidden(String uuid) {
        return new RequestRejectedException(
                Reason.FORBIDDEN,
                "Control token required",
                "Send the controlToken that submitting '" + uuid + "' answered, in the X-Control-Token header.");
    }

    static RequestRejectedException conflict(String title, String detail) {
        return new RequestRejectedException(Reason.CONFLICT, title, detail);
    }

    static RequestRejectedException tooLarge(String field, long size, long maximum) {
        return new RequestRejectedException(
                Reason.TOO_LARGE,
                "Content too large",
                field + " is " + size + " bytes but this server accepts at most " + maximum + " bytes.",
                field);
    }

    static RequestRejectedException duplicate(String uuid) {
        return new RequestRejectedException(
                Reason.CONFLICT,
                "Execution already exists",
                "uuid '" + uuid + "' is already used by another execution; choose another or omit it.");
    }

    public static RequestRejectedException notFound(String uuid) {
        return new RequestRejectedException(
                Reason.NOT_FOUND,
                "Execution not found",
                "No execution '" + uuid + "' exists: it was never submitted or its result has expired.");
    }
}
