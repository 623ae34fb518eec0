package dev.edc.api;

import dev.edc.execution.QueueFullException;
import dev.edc.execution.RequestRejectedException;
import dev.edc.execution.ServiceUnavailableException;
import dev.edc.language.UnknownLanguageException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The problem detail of what the domain refuses: its status, title and detail. */
final class ProblemDetails {

    /** Seconds a client should wait before trying again after a 429 or 503. */
    static final String RETRY_AFTER_SECONDS = "5";

    private ProblemDetails() {}

    /** The problem detail of a refusal, if the exception is one the API answers. */
    static Optional<ProblemDetail> of(RuntimeException refusal) {
        return switch (refusal) {
            case RequestRejectedException e -> Optional.of(problem(status(e.reason()), e.title(), e.getMessage()));
            case UnknownLanguageException e -> Optional.of(problem(HttpStatus.BAD_REQUEST, e.title(), e.getMessage()));
            case QueueFullException e ->
                Optional.of(problem(HttpStatus.TOO_MANY_REQUESTS, "Queue full", e.getMessage()));
            case ServiceUnavailableException e ->
                Optional.of(problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", e.getMessage()));
            default -> Optional.empty();
        };
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        return body;
    }

    static boolean isRetryable(HttpStatus status) {
        return status == HttpStatus.TOO_MANY_REQUESTS || status == HttpStatus.SERVICE_UNAVAILABLE;
    }

    private static HttpStatus status(RequestRejectedException.Reason reason) {
        return switch (reason) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
    }
}
