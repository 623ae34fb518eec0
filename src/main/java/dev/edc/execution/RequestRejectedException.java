package dev.edc.execution;

import dev.edc.ProblemException;
import org.springframework.http.HttpStatus;

/** A request that can never be run as given: the status and detail say what to change. */
public class RequestRejectedException extends ProblemException {

    private RequestRejectedException(HttpStatus status, String title, String detail) {
        super(status, title, detail);
    }

    static RequestRejectedException limitAboveMaximum(String field, long value, long maximum) {
        return new RequestRejectedException(HttpStatus.BAD_REQUEST, "Limit above maximum",
                "limits." + field + " is " + value + " but this server allows at most " + maximum + ".");
    }

    static RequestRejectedException tooLarge(String field, long size, long maximum) {
        return new RequestRejectedException(HttpStatus.CONTENT_TOO_LARGE, "Content too large",
                field + " is " + size + " bytes but this server accepts at most " + maximum + " bytes.");
    }

    static RequestRejectedException tooManyArgs(int count, int maximum) {
        return new RequestRejectedException(HttpStatus.BAD_REQUEST, "Too many arguments",
                "args has " + count + " entries but this server accepts at most " + maximum + ".");
    }

    static RequestRejectedException duplicate(String uuid) {
        return new RequestRejectedException(HttpStatus.CONFLICT, "Execution already exists",
                "uuid '" + uuid + "' is already used by another execution; choose another or omit it.");
    }

    static RequestRejectedException notFound(String uuid) {
        return new RequestRejectedException(HttpStatus.NOT_FOUND, "Execution not found",
                "No execution '" + uuid + "' exists: it was never submitted or its result has expired.");
    }
}
