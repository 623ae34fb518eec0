package dev.edc.execution;

/** Delivers final results to the URL their submitter gave ({@code callbackUrl}). */
public interface Webhooks {

    /**
     * Refuses a URL EDC will not call: not http(s), or an address inside (loopback, private,
     * link-local) unless the server allows them, or no webhook secret configured.
     *
     * @throws RequestRejectedException saying why
     */
    void requireDeliverable(String url);

    /** Queues the result's delivery in the given format, durably: it survives the process that ran the job. */
    void deliver(String url, CallbackFormat format, ExecutionKey key, ExecutionResult result);
}
