package dev.edc.push;

/**
 * The operations topic: what the admin page shows, as it changes (workers, queue, throughput, and
 * every execution that ends, of every owner). Only admin sessions may subscribe to it
 * ({@link DestinationGuard}).
 */
public final class AdminTopic {

    public static final String DESTINATION = "/topic/admin";

    private AdminTopic() {}
}
