package dev.edc.queue;

/**
 * The job queue, as {@code GET /queue} shows it.
 *
 * @param name        the queue ({@code edc.queue.name})
 * @param depth       jobs waiting for a worker (not those being run)
 * @param consumers   consumers of the queue: every worker's job slots
 * @param deadLetters jobs dead-lettered and not yet given their {@code INTERNAL_ERROR} result
 */
public record QueueState(String name, long depth, long consumers, long deadLetters) {}
