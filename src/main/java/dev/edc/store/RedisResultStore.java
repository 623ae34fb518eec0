package dev.edc.store;

import dev.edc.execution.ExecutionKey;
import dev.edc.execution.ExecutionProperties;
import dev.edc.execution.ExecutionResult;
import dev.edc.execution.ExecutionStatus;
import dev.edc.execution.ExecutionSummary;
import dev.edc.execution.ResultStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records as JSON strings ({@link RedisKeys}), with a TTL; creation is SET NX. Every write keeps
 * the index of recent executions and the count of finished ones in step, in one script: an
 * execution is listed exactly while its record is stored (or until the bounded index drops it).
 */
@Component
class RedisResultStore implements ResultStore {

    private static final RedisScript<Long> WRITE =
            RedisScript.of(new ClassPathResource("dev/edc/store/write-record.lua"), Long.class);
    private static final RedisScript<Long> DELETE =
            RedisScript.of(new ClassPathResource("dev/edc/store/delete-record.lua"), Long.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final Duration ttl;
    private final int recentExecutions;
    private final Clock clock;

    RedisResultStore(
            StringRedisTemplate redis,
            JsonMapper json,
            ExecutionProperties properties,
            StoreProperties store,
            Clock clock) {
        this.redis = redis;
        this.json = json;
        this.ttl = properties.resultTtl();
        this.recentExecutions = store.recentExecutions();
        this.clock = clock;
    }

    @Override
    public boolean create(ExecutionKey key, ExecutionResult record) {
        return write(key, record, "create", "");
    }

    @Override
    public void update(ExecutionKey key, ExecutionResult record) {
        write(key, record, "replace", "");
    }

    @Override
    public Optional<ExecutionResult> find(ExecutionKey key) {
        return Optional.ofNullable(redis.opsForValue().get(RedisKeys.record(key)))
                .map(value -> json.readValue(value, ExecutionResult.class));
    }

    @Override
    public boolean replaceIf(ExecutionKey key, ExecutionStatus expected, ExecutionResult record) {
        String current = redis.opsForValue().get(RedisKeys.record(key));
        if (current == null || json.readValue(current, ExecutionResult.class).status() != expected) {
            return false;
        }
        // the record is replaced only if it is still what was read: another node may change it meanwhile
        return write(key, record, "replace-if", current);
    }

    @Override
    public void delete(ExecutionKey key) {
        redis.execute(
                DELETE, List.of(RedisKeys.record(key), RedisKeys.INDEX, RedisKeys.SUMMARIES), RedisKeys.member(key));
    }

    /** {@code [<owner>:]<uuid>}: an owner's keys apart from every other owner's (a uuid holds no ':'). */
    static String ownerPart(ExecutionKey key) {
        return RedisKeys.member(key);
    }

    private boolean write(ExecutionKey key, ExecutionResult record, String mode, String expected) {
        Instant now = clock.instant();
        Instant queuedAt = record.queuedAt() != null ? record.queuedAt() : now;
        Long written = redis.execute(
                WRITE,
                List.of(RedisKeys.record(key), RedisKeys.INDEX, RedisKeys.SUMMARIES, RedisKeys.finished(now)),
                json.writeValueAsString(record),
                Long.toString(ttl.toMillis()),
                mode,
                RedisKeys.member(key),
                Long.toString(queuedAt.toEpochMilli()),
                json.writeValueAsString(ExecutionSummary.of(key, record)),
                record.isFinal() ? record.status().name() : "",
                Long.toString(now.minus(ttl).toEpochMilli()),
                Integer.toString(recentExecutions),
                Long.toString(RedisKeys.FINISHED_KEPT.toSeconds()),
                expected);
        return Long.valueOf(1).equals(written);
    }
}
