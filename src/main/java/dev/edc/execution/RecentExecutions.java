package dev.edc.execution;

/**
 * Which recent executions to list.
 *
 * @param owner    only this owner's ({@link ExecutionKey#ANONYMOUS} included); null: every owner's
 * @param status   only those in this status; null: any
 * @param language only those of this language (its canonical name); null: any
 * @param limit    at most this many
 */
public record RecentExecutions(String owner, ExecutionStatus status, String language, int limit) {

    /** The most executions one listing returns. */
    public static final int MAX_LIMIT = 1000;

    public RecentExecutions {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
    }

    public boolean matches(ExecutionSummary summary) {
        return (owner == null || owner.equals(summary.key().owner()))
                && (status == null || status == summary.status())
                && (language == null || language.equals(summary.language()));
    }
}
