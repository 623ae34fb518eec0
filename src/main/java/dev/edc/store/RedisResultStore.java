package dev.edc.store;

import dev.edc.execution.ExecutionKey;
import dev.edc.execution.ExecutionProperties;
import dev.edc.execution.ExecutionResult;
import dev.edc.execution.ExecutionStatus;
import dev.edc.execution.ResultStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records as JSON strings under {@code edc:execution:[<owner>:]<uuid>}, with a TTL; creation is
 * SET NX. An owner's records live apart from every other owner's (a uuid holds no ':').
 */
@Component
class RedisResultStore implements ResultStore {

    private static final String PREFIX = "edc:execution:";
    private static final RedisScript<Long> REPLACE_IF_UNCHANGED = RedisScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
              return 1
            end
            return 0""", Long.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final Duration ttl;

    RedisResultStore(StringRedisTemplate redis, JsonMapper json, ExecutionProperties properties) {
        this.redis = redis;
        this.json = json;
        this.ttl = properties.resultTtl();
    }

    @Override
    public boolean create(ExecutionKey key, ExecutionResult record) {
        return Boolean.TRUE.equals(
                redis.opsForValue().setIfAbsent(redisKey(key), json.writeValueAsString(record), ttl));
    }

    @Override
    public void update(ExecutionKey key, ExecutionResult record) {
        redis.opsForValue().set(redisKey(key), json.writeValueAsString(record), ttl);
    }

    @Override
    public Optional<ExecutionResult> find(ExecutionKey key) {
        return Optional.ofNullable(redis.opsForValue().get(redisKey(key)))
                .map(value -> json.readValue(value, ExecutionResult.class));
    }

    @Override
    public boolean replaceIf(ExecutionKey key, ExecutionStatus expected, ExecutionResult record) {
        String current = redis.opsForValue().get(redisKey(key));
        if (current == null || json.readValue(current, ExecutionResult.class).status() != expected) {
            return false;
        }
        // the record is replaced only if it is still what was read: another node may change it meanwhile
        Long replaced = redis.execute(
                REPLACE_IF_UNCHANGED,
                List.of(redisKey(key)),
                current,
                json.writeValueAsString(record),
                Long.toString(ttl.toMillis()));
        return replaced != null && replaced == 1;
    }

    @Override
    public void delete(ExecutionKey key) {
        redis.delete(redisKey(key));
    }

    static String redisKey(ExecutionKey key) {
        return PREFIX + ownerPart(key);
    }

    /** {@code [<owner>:]<uuid>}: an owner's keys apart from every other owner's (a uuid holds no ':'). */
    static String ownerPart(ExecutionKey key) {
        return (key.owner().isEmpty() ? "" : key.owner() + ":") + key.uuid();
    }
}
