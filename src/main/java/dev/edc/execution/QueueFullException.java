package dev.edc.execution;

import dev.edc.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** The job queue is at its configured bound: the broker refused the job, nothing was queued. */
public class QueueFullException extends ProblemException {

    public QueueFullException() {
        super(HttpStatus.TOO_MANY_REQUESTS, "Queue full",
                "The execution queue is full; nothing was queued. Retry after a few seconds.");
        getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
    }
}
