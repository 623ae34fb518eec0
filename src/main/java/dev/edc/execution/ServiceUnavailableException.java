package dev.edc.execution;

/** The broker or the store could not take the request: nothing was queued, the client may retry. */
public class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
