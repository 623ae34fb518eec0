package dev.edc.operations;

import java.time.Instant;
import java.util.List;

/**
 * A worker as {@code GET /workers} shows it, reported by the worker itself every heartbeat.
 *
 * @param id          unique among the workers ({@code edc.operations.worker-id}, else {@code <host>-<pid>})
 * @param host        the machine (or pod) it runs on
 * @param languages   the language versions it can run (those whose runner image it has, or rebuilds)
 * @param rebuilding  those of them whose runner image it is rebuilding now (deleted under it): their
 *                    jobs wait in the queue meanwhile
 * @param concurrency jobs it runs at once
 * @param busy        jobs it is running now
 * @param pool        warm containers waiting for a job
 * @param startedAt   when it became ready
 * @param lastSeenAt  its last heartbeat
 */
record WorkerStatus(
        String id,
        String host,
        List<LanguageName> languages,
        List<LanguageName> rebuilding,
        int concurrency,
        int busy,
        int pool,
        Instant startedAt,
        Instant lastSeenAt) {

    WorkerStatus {
        rebuilding = rebuilding == null ? List.of() : rebuilding; // a report of a worker before it had one
    }

    /** A language version, as {@code GET /languages} names it. */
    record LanguageName(String language, String version) {}
}
