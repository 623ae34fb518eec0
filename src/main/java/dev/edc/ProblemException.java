package dev.edc;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A failure the client can act on, answered as an RFC 9457 problem detail with this status,
 * title and detail. Spring MVC renders it; subclasses name the cases.
 */
public abstract class ProblemException extends ErrorResponseException {

    protected ProblemException(HttpStatus status, String title, String detail) {
        this(status, title, detail, null);
    }

    protected ProblemException(HttpStatus status, String title, String detail, Throwable cause) {
        super(status, problem(status, title, detail), cause);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
