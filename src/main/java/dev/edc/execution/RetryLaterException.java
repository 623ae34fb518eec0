package dev.edc.execution;

/**
 * A job that cannot run here now through nobody's fault (the worker's Docker engine is gone, its
 * runner image is being rebuilt): it waits and is tried again, without counting a try.
 */
public class RetryLaterException extends RuntimeException {

    public RetryLaterException(String message, Throwable cause) {
        super(message, cause);
    }
}
