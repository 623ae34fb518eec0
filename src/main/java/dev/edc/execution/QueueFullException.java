package dev.edc.execution;

/** The job queue is at its configured bound: the broker refused the job, nothing was queued. */
public class QueueFullException extends RuntimeException {

    public QueueFullException() {
        super("The execution queue is full; nothing was queued. Retry after a few seconds.");
    }
}
