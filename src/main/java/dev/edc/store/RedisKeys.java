package dev.edc.store;

import dev.edc.execution.ExecutionKey;
import java.time.Duration;
import java.time.Instant;

/**
 * Where EDC keeps executions in Redis. The record: {@code edc:execution:[<owner>:]<uuid>}; the
 * index of recent executions: {@code edc:executions:{recent}} (members {@code [<owner>:]<uuid>},
 * scored by submission time) and their summaries {@code edc:executions:{recent}:summaries}; the
 * executions finished per minute: {@code edc:executions:{recent}:finished:<epoch minute>}. An
 * owner's records live apart from every other owner's (a uuid holds no ':'); the braces keep the
 * index's keys in one slot of a Redis Cluster.
 */
final class RedisKeys {

    static final String INDEX = "edc:executions:{recent}";
    static final String SUMMARIES = INDEX + ":summaries";
    /** How long a minute's count of finished executions is kept. */
    static final Duration FINISHED_KEPT = Duration.ofHours(2);

    private static final String RECORD = "edc:execution:";

    private RedisKeys() {}

    static String record(ExecutionKey key) {
        return RECORD + member(key);
    }

    /** An execution in the index. */
    static String member(ExecutionKey key) {
        return (key.owner().isEmpty() ? "" : key.owner() + ":") + key.uuid();
    }

    static String finished(Instant minute) {
        return INDEX + ":finished:" + minute.getEpochSecond() / 60;
    }
}
