package dev.edc.store;

import dev.edc.execution.ExecutionKey;
import dev.edc.execution.ExecutionProperties;
import dev.edc.execution.ExecutionResult;
import dev.edc.execution.ResultStore;
import java.time.Duration;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records as JSON strings under {@code edc:execution:[<owner>:]<uuid>}, with a TTL; creation is
 * SET NX. An owner's records live apart from every other owner's (a uuid holds no ':').
 */
@Component
class RedisResultStore implements ResultStore {

    private static final String PREFIX = "edc:execution:";

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
    public void delete(ExecutionKey key) {
        redis.delete(redisKey(key));
    }

    static String redisKey(ExecutionKey key) {
        return PREFIX + (key.owner().isEmpty() ? "" : key.owner() + ":") + key.uuid();
    }
}
