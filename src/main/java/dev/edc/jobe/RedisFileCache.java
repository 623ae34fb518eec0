package dev.edc.jobe;

import dev.edc.Roles;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations;
import org.springframework.stereotype.Component;

/**
 * Files as Base64 strings under {@code edc:jobe:file:[<owner>:]<id>} with a time to live, and per
 * owner a sorted set of its ids by when they were put ({@code edc:jobe:files:[<owner>]}): past
 * {@code max-files} the oldest are dropped, so an owner's files never take more than
 * {@code max-files} × the largest program.
 */
@Component
@Profile(Roles.API)
@ConditionalOnBooleanProperty(name = JobeProperties.ENABLED, matchIfMissing = true)
class RedisFileCache implements FileCache {

    private static final String FILE = "edc:jobe:file:";
    private static final String INDEX = "edc:jobe:files:";

    private final StringRedisTemplate redis;
    private final JobeProperties properties;

    RedisFileCache(StringRedisTemplate redis, JobeProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    @Override
    public void put(String owner, String id, byte[] contents) {
        redis.opsForValue().set(fileKey(owner, id), Base64.getEncoder().encodeToString(contents), properties.fileTtl());
        String index = INDEX + owner;
        redis.opsForZSet().add(index, id, System.currentTimeMillis());
        redis.expire(index, properties.fileTtl());
        Long size = redis.opsForZSet().size(index);
        if (size != null && size > properties.maxFiles()) {
            Set<ZSetOperations.TypedTuple<String>> oldest =
                    redis.opsForZSet().popMin(index, size - properties.maxFiles());
            if (oldest != null && !oldest.isEmpty()) {
                redis.delete(oldest.stream()
                        .map(evicted -> fileKey(owner, evicted.getValue()))
                        .collect(Collectors.toSet()));
            }
        }
    }

    @Override
    public boolean contains(String owner, String id) {
        return Boolean.TRUE.equals(redis.hasKey(fileKey(owner, id)));
    }

    @Override
    public Optional<byte[]> get(String owner, String id) {
        return Optional.ofNullable(redis.opsForValue().getAndExpire(fileKey(owner, id), properties.fileTtl()))
                .map(Base64.getDecoder()::decode);
    }

    private static String fileKey(String owner, String id) {
        return FILE + (owner.isEmpty() ? "" : owner + ":") + id;
    }
}
