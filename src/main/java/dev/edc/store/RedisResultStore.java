package dev.edc.store;

import dev.edc.execution.ExecutionProperties;
import dev.edc.execution.ExecutionResult;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.Optional;

/** Records as JSON strings under {@code edc:execution:<uuid>}, with a TTL; creation is SET NX. */
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
    public boolean create(ExecutionResult record) {
        return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key(record.uuid()), json.writeValueAsString(record), ttl));
    }

    @Override
    public void update(ExecutionResult record) {
        redis.opsForValue().set(key(record.uuid()), json.writeValueAsString(record), ttl);
    }

    @Override
    public Optional<ExecutionResult> find(String uuid) {
        return Optional.ofNullable(redis.opsForValue().get(key(uuid)))
                .map(value -> json.readValue(value, ExecutionResult.class));
    }

    @Override
    public void delete(String uuid) {
        redis.delete(key(uuid));
    }

    private static String key(String uuid) {
        return PREFIX + uuid;
    }
}
