package dev.edc.access;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Rate-limit buckets kept in Redis by Bucket4j (compare-and-swap), so that every API node draws
 * on the same bucket: N nodes together allow the configured rate, not N times it. Buckets live
 * under {@code edc:rate:<per minute>:<client>} (a new rate starts new buckets) and expire once
 * they would be full again. The connection is Spring Data Redis' own client (same host, password,
 * TLS, database), opened at the first submission and closed by {@link #close}.
 */
class SharedBuckets implements AutoCloseable {

    private static final String PREFIX = "edc:rate:";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration KEEP_AFTER_FULL = Duration.ofSeconds(10);
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final ObjectProvider<LettuceConnectionFactory> redis;
    private StatefulConnection<String, byte[]> connection;
    private ProxyManager<String> buckets;

    SharedBuckets(ObjectProvider<LettuceConnectionFactory> redis) {
        this.redis = redis;
    }

    /** Takes one token from the client's bucket of {@code perMinute} tokens a minute, if it has one. */
    ConsumptionProbe tryConsume(String client, int perMinute) {
        return buckets()
                .builder()
                .build(PREFIX + perMinute + ":" + client, () -> configuration(perMinute))
                .tryConsumeAndReturnRemaining(1);
    }

    static BucketConfiguration configuration(int perMinute) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(perMinute)
                        .refillGreedy(perMinute, Duration.ofMinutes(1))
                        .build())
                .build();
    }

    private synchronized ProxyManager<String> buckets() {
        if (buckets == null) {
            LettuceConnectionFactory factory = redis.getObject();
            AbstractRedisClient client = factory.getNativeClient();
            if (client instanceof RedisClusterClient cluster) {
                StatefulRedisClusterConnection<String, byte[]> opened = cluster.connect(CODEC);
                connection = opened;
                buckets = Bucket4jLettuce.casBasedBuilder(opened)
                        .expirationAfterWrite(
                                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_FULL))
                        .requestTimeout(TIMEOUT)
                        .build();
            } else {
                StatefulRedisConnection<String, byte[]> opened = ((RedisClient) client).connect(CODEC);
                opened.sync().select(factory.getDatabase()); // kept across reconnects by Lettuce
                connection = opened;
                buckets = Bucket4jLettuce.casBasedBuilder(opened)
                        .expirationAfterWrite(
                                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_FULL))
                        .requestTimeout(TIMEOUT)
                        .build();
            }
        }
        return buckets;
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
        }
    }
}
