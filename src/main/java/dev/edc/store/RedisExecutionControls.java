package dev.edc.store;

import dev.edc.execution.ExecutionControls;
import dev.edc.execution.ExecutionKey;
import dev.edc.execution.ExecutionProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * An execution's controls beside its record, with the same time to live: a hash
 * {@code edc:control:[<owner>:]<uuid>} (token digest, interactive, input size, cancelled) and the
 * input as a list {@code edc:input:...} of base64 pieces ("" marks its end), appended atomically
 * with its size check, so that pieces from several nodes keep the order they arrived in.
 */
@Component
class RedisExecutionControls implements ExecutionControls {

    private static final RedisScript<Long> APPEND_WITHIN = RedisScript.of("""
            local size = redis.call('HINCRBY', KEYS[1], 'inputBytes', ARGV[2])
            if size > tonumber(ARGV[3]) then
              redis.call('HINCRBY', KEYS[1], 'inputBytes', -ARGV[2])
              return 0
            end
            redis.call('RPUSH', KEYS[2], ARGV[1])
            redis.call('PEXPIRE', KEYS[2], ARGV[4])
            return 1""", Long.class);

    private final StringRedisTemplate redis;
    private final Duration ttl;

    RedisExecutionControls(StringRedisTemplate redis, ExecutionProperties properties) {
        this.redis = redis;
        this.ttl = properties.resultTtl();
    }

    @Override
    public void create(ExecutionKey key, Control control) {
        redis.opsForHash()
                .putAll(
                        controlKey(key),
                        Map.of("token", control.tokenDigest(), "interactive", Boolean.toString(control.interactive())));
        redis.expire(controlKey(key), ttl);
    }

    @Override
    public Optional<Control> find(ExecutionKey key) {
        List<Object> fields = redis.opsForHash().multiGet(controlKey(key), List.of("token", "interactive"));
        if (fields.get(0) == null) {
            return Optional.empty();
        }
        return Optional.of(new Control((String) fields.get(0), Boolean.parseBoolean((String) fields.get(1))));
    }

    @Override
    public boolean appendInput(ExecutionKey key, byte[] input, long maxBytes) {
        Long appended = redis.execute(
                APPEND_WITHIN,
                List.of(controlKey(key), inputKey(key)),
                Base64.getEncoder().encodeToString(input),
                Integer.toString(input.length),
                Long.toString(maxBytes),
                Long.toString(ttl.toMillis()));
        return appended != null && appended == 1;
    }

    @Override
    public void endInput(ExecutionKey key) {
        redis.opsForList().rightPush(inputKey(key), "");
        redis.expire(inputKey(key), ttl);
    }

    @Override
    public List<byte[]> input(ExecutionKey key, int from) {
        List<String> pieces = redis.opsForList().range(inputKey(key), from, -1);
        return pieces == null
                ? List.of()
                : pieces.stream()
                        .map(piece -> piece.isEmpty()
                                ? new byte[0]
                                : Base64.getDecoder().decode(piece.getBytes(StandardCharsets.US_ASCII)))
                        .toList();
    }

    @Override
    public void cancel(ExecutionKey key) {
        redis.opsForHash().put(controlKey(key), "cancelled", "true");
        redis.expire(controlKey(key), ttl);
    }

    @Override
    public boolean isCancelled(ExecutionKey key) {
        return "true".equals(redis.opsForHash().get(controlKey(key), "cancelled"));
    }

    private static String controlKey(ExecutionKey key) {
        return "edc:control:" + RedisResultStore.ownerPart(key);
    }

    private static String inputKey(ExecutionKey key) {
        return "edc:input:" + RedisResultStore.ownerPart(key);
    }
}
