package dev.edc.execution;

import dev.edc.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** The broker or the store could not take the request: nothing was queued, the client may retry. */
public class ServiceUnavailableException extends ProblemException {

    public ServiceUnavailableException(String detail, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", detail, cause);
        getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
    }
}
