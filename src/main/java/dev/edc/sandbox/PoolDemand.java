package dev.edc.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * How many containers of one kind recent jobs would have taken: the most jobs that asked for one
 * within any {@code window} of the last {@code memory}. A pool of that size serves a repeat of
 * the busiest moment it remembers (a class pressing Run together, a grader's batch, one person
 * running jobs back to back) from containers made before it, which is the only way a burst can
 * go faster than the engine makes containers. Forgets what is older than {@code memory}, so a
 * pool shrinks back once its burst is past. Not thread-safe: the pool synchronizes.
 */
final class PoolDemand {

    // Bounds the bookkeeping; a pool is capped far below this anyway.
    private static final int MAX_REMEMBERED = 4096;

    private final Duration window;
    private final Duration memory;
    private final Deque<Instant> recent = new ArrayDeque<>(); // the jobs within the last window
    private final Deque<Peak> peaks = new ArrayDeque<>(); // per job: the jobs in the window it closed

    /**
     * @param window how close together jobs must come to count as one burst
     * @param memory how long a burst is remembered
     */
    PoolDemand(Duration window, Duration memory) {
        this.window = window;
        this.memory = memory;
    }

    /** A job asked for a container of this kind now. */
    void asked(Instant now) {
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(window))) {
            recent.pollFirst();
        }
        recent.addLast(now);
        // Peaks that are not above the new one can never be the maximum again before it expires.
        peaks.removeIf(peak -> peak.jobs() <= recent.size());
        peaks.addLast(new Peak(now, recent.size()));
        if (peaks.size() > MAX_REMEMBERED) {
            peaks.pollFirst();
        }
    }

    /** The most jobs that asked within one window during the remembered period; 0 if none. */
    int peak(Instant now) {
        Instant horizon = now.minus(memory);
        int most = 0;
        for (Iterator<Peak> it = peaks.iterator(); it.hasNext(); ) {
            Peak peak = it.next();
            if (peak.at().isBefore(horizon)) {
                it.remove();
            } else {
                most = Math.max(most, peak.jobs());
            }
        }
        return most;
    }

    private record Peak(Instant at, int jobs) {}
}
