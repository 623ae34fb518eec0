package dev.edc.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.edc.execution.ExecutionKey;
import dev.edc.execution.ExecutionProperties;
import dev.edc.execution.ExecutionResult;
import dev.edc.execution.ExecutionStatus;
import dev.edc.execution.ExecutionSummary;
import dev.edc.execution.FinishedInMinute;
import dev.edc.execution.RecentExecutions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The index of recent executions against the real Redis the environment names: kept in step with
 * every write of a record, in the order of submission, filtered, bounded in size, and expiring with
 * the records (here after two seconds).
 */
class RecentIndexIT {

    private static final Duration TTL = Duration.ofSeconds(2);
    private static LettuceConnectionFactory factory;
    private static StringRedisTemplate redis;

    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock = Clock.systemUTC();

    @BeforeAll
    static void connect() {
        assumeTrue(System.getenv("SPRING_DATA_REDIS_HOST") != null, "needs the Redis SPRING_DATA_REDIS_HOST names");
        RedisStandaloneConfiguration configuration = new RedisStandaloneConfiguration(
                System.getenv("SPRING_DATA_REDIS_HOST"),
                Integer.parseInt(System.getenv().getOrDefault("SPRING_DATA_REDIS_PORT", "6379")));
        configuration.setDatabase(Integer.parseInt(System.getenv().getOrDefault("SPRING_DATA_REDIS_DATABASE", "0")));
        factory = new LettuceConnectionFactory(configuration);
        factory.afterPropertiesSet();
        factory.start();
        redis = new StringRedisTemplate(factory);
    }

    @AfterAll
    static void disconnect() {
        if (factory != null) {
            factory.destroy();
        }
    }

    @BeforeEach
    void emptyIndex() {
        redis.delete(List.of(RedisKeys.INDEX, RedisKeys.SUMMARIES));
    }

    @Test
    void shouldListNewestFirstAndFilterByStatusLanguageAndOwner() {
        RedisResultStore store = store(Duration.ofMinutes(5), 100);
        Instant start = Instant.now();
        ExecutionKey first = key("alice");
        ExecutionKey second = key("bob");
        ExecutionKey third = key("alice");
        store.create(first, queued(first, "javascript", start));
        store.create(second, queued(second, "java", start.plusMillis(1)));
        store.create(third, queued(third, "javascript", start.plusMillis(2)));
        store.update(first, finished(first, "javascript", start, ExecutionStatus.RUNTIME_ERROR));
        store.update(second, finished(second, "java", start.plusMillis(1), ExecutionStatus.SUCCESS));

        RedisExecutionHistory history = history(Duration.ofMinutes(5));

        assertThat(uuids(history.recent(new RecentExecutions(null, null, null, 10))))
                .containsExactly(third.uuid(), second.uuid(), first.uuid());
        assertThat(uuids(history.recent(new RecentExecutions(null, ExecutionStatus.RUNTIME_ERROR, null, 10))))
                .containsExactly(first.uuid());
        assertThat(uuids(history.recent(new RecentExecutions(null, null, "javascript", 10))))
                .containsExactly(third.uuid(), first.uuid());
        assertThat(uuids(history.recent(new RecentExecutions("bob", null, null, 10))))
                .containsExactly(second.uuid());
        assertThat(uuids(history.recent(new RecentExecutions(null, null, null, 2))))
                .containsExactly(third.uuid(), second.uuid());
        ExecutionSummary failed = history.recent(new RecentExecutions(null, ExecutionStatus.RUNTIME_ERROR, null, 1))
                .getFirst();
        assertThat(failed.owner()).isEqualTo("alice");
        assertThat(failed.exitCode()).isEqualTo(3);
        assertThat(failed.isFailure()).isTrue();
    }

    @Test
    void shouldForgetAnEntryWithItsRecord() {
        RedisResultStore store = store(TTL, 100);
        ExecutionKey key = key("");
        store.create(key, queued(key, "javascript", Instant.now()));
        RedisExecutionHistory history = history(TTL);
        assertThat(uuids(history.recent(new RecentExecutions(null, null, null, 10))))
                .containsExactly(key.uuid());

        await("the record and its entry expired")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> store.find(key).isEmpty()
                        && history.recent(new RecentExecutions(null, null, null, 10))
                                .isEmpty());

        ExecutionKey next = key("");
        store.create(next, queued(next, "javascript", Instant.now()));
        assertThat(redis.opsForZSet().size(RedisKeys.INDEX))
                .as("the expired entry dropped at the next write")
                .isEqualTo(1);
        assertThat(redis.opsForHash().size(RedisKeys.SUMMARIES)).isEqualTo(1);
        assertThat(redis.getExpire(RedisKeys.INDEX))
                .as("the index expires with its last record")
                .isPositive();
    }

    @Test
    void shouldKeepOnlyTheNewestEntriesPastItsBound() {
        RedisResultStore store = store(Duration.ofMinutes(5), 5);
        Instant start = Instant.now();
        List<ExecutionKey> keys =
                java.util.stream.IntStream.range(0, 8).mapToObj(i -> key("")).toList();
        for (int i = 0; i < keys.size(); i++) {
            store.create(keys.get(i), queued(keys.get(i), "javascript", start.plusMillis(i)));
        }

        assertThat(redis.opsForZSet().size(RedisKeys.INDEX)).isEqualTo(5);
        assertThat(redis.opsForHash().size(RedisKeys.SUMMARIES)).isEqualTo(5);
        assertThat(uuids(history(Duration.ofMinutes(5)).recent(new RecentExecutions(null, null, null, 100))))
                .containsExactly(
                        keys.get(7).uuid(),
                        keys.get(6).uuid(),
                        keys.get(5).uuid(),
                        keys.get(4).uuid(),
                        keys.get(3).uuid());
        assertThat(store.find(keys.get(0)))
                .as("the record itself stays for its TTL")
                .isPresent();
    }

    @Test
    void shouldWithdrawAnEntryWithItsRecordAndRefuseADuplicateWithoutTouchingIt() {
        RedisResultStore store = store(Duration.ofMinutes(5), 100);
        ExecutionKey withdrawn = key("");
        ExecutionKey kept = key("");
        store.create(withdrawn, queued(withdrawn, "javascript", Instant.now()));
        store.create(kept, queued(kept, "javascript", Instant.now()));
        store.delete(withdrawn);

        assertThat(store.create(kept, queued(kept, "java", Instant.now()))).isFalse();
        List<ExecutionSummary> listed =
                history(Duration.ofMinutes(5)).recent(new RecentExecutions(null, null, null, 10));
        assertThat(uuids(listed)).containsExactly(kept.uuid());
        assertThat(listed.getFirst().language())
                .as("the first record's summary")
                .isEqualTo("javascript");
    }

    @Test
    void shouldFollowARecordReplacedOnlyIfUnchanged() {
        RedisResultStore store = store(Duration.ofMinutes(5), 100);
        ExecutionKey key = key("");
        ExecutionResult queued = queued(key, "javascript", Instant.now());
        store.create(key, queued);
        ExecutionResult cancelled = finished(key, "javascript", queued.queuedAt(), ExecutionStatus.CANCELLED);

        assertThat(store.replaceIf(key, ExecutionStatus.RUNNING, cancelled)).isFalse();
        assertThat(status(key)).isEqualTo(ExecutionStatus.QUEUED);
        assertThat(store.replaceIf(key, ExecutionStatus.QUEUED, cancelled)).isTrue();
        assertThat(status(key)).isEqualTo(ExecutionStatus.CANCELLED);
        assertThat(store.find(key).orElseThrow().status()).isEqualTo(ExecutionStatus.CANCELLED);
    }

    private ExecutionStatus status(ExecutionKey key) {
        return history(Duration.ofMinutes(5)).recent(new RecentExecutions(null, null, null, 1000)).stream()
                .filter(summary -> summary.uuid().equals(key.uuid()))
                .findFirst()
                .orElseThrow()
                .status();
    }

    @Test
    void shouldCountAFinishedExecutionOnceInItsMinute() {
        RedisResultStore store = store(Duration.ofMinutes(5), 100);
        RedisExecutionHistory history = history(Duration.ofMinutes(5));
        ExecutionKey key = key("");
        Instant now = Instant.now();
        long before = thisMinute(history).counts().getOrDefault(ExecutionStatus.TIME_LIMIT_EXCEEDED, 0L);

        store.create(key, queued(key, "javascript", now));
        store.update(key, queued(key, "javascript", now).running(now));
        store.update(key, finished(key, "javascript", now, ExecutionStatus.TIME_LIMIT_EXCEEDED));
        store.update(key, finished(key, "javascript", now, ExecutionStatus.TIME_LIMIT_EXCEEDED)); // announced again

        FinishedInMinute minute = thisMinute(history);
        long after = minute.counts().getOrDefault(ExecutionStatus.TIME_LIMIT_EXCEEDED, 0L);
        if (minute.minute().equals(now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES))) {
            assertThat(after - before).isEqualTo(1);
        } else {
            assertThat(after).as("counted in the new minute").isEqualTo(1); // the minute turned meanwhile
        }
        assertThat(history.finishedPerMinute(60)).hasSize(60);
    }

    private FinishedInMinute thisMinute(RedisExecutionHistory history) {
        return history.finishedPerMinute(1).getFirst();
    }

    private RedisResultStore store(Duration ttl, int recentExecutions) {
        return new RedisResultStore(redis, json, properties(ttl), new StoreProperties(recentExecutions), clock);
    }

    private RedisExecutionHistory history(Duration ttl) {
        return new RedisExecutionHistory(redis, json, properties(ttl), clock);
    }

    /** The record's defaults but the TTL, bound as Spring binds them (new settings change nothing here). */
    private static ExecutionProperties properties(Duration ttl) {
        return new Binder(new MapConfigurationPropertySource(Map.of("edc.execution.result-ttl", ttl.toMillis() + "ms")))
                .bindOrCreate("edc.execution", ExecutionProperties.class);
    }

    private static ExecutionKey key(String owner) {
        return new ExecutionKey(owner, "index-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static ExecutionResult queued(ExecutionKey key, String language, Instant at) {
        return ExecutionResult.queued(key.uuid(), language, "20", at);
    }

    private static ExecutionResult finished(ExecutionKey key, String language, Instant at, ExecutionStatus status) {
        return queued(key, language, at).toBuilder()
                .status(status)
                .exitCode(status == ExecutionStatus.RUNTIME_ERROR ? 3 : 0)
                .stdout("a long output that the summary leaves out")
                .startedAt(at)
                .finishedAt(at.plusMillis(50))
                .timeMs(40L)
                .build();
    }

    private static List<String> uuids(List<ExecutionSummary> summaries) {
        return summaries.stream().map(ExecutionSummary::uuid).toList();
    }
}
