package dev.edc.execution;

/** Where submitted jobs wait for a worker. */
public interface JobQueue {

    /**
     * Queues a job, returning once it is durably queued.
     *
     * @throws QueueFullException          if the queue is at its bound
     * @throws ServiceUnavailableException if the broker could not take it
     */
    void publish(ExecutionJob job);
}
