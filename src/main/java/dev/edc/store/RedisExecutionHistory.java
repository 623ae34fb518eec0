package dev.edc.store;

import dev.edc.execution.ExecutionHistory;
import dev.edc.execution.ExecutionProperties;
import dev.edc.execution.ExecutionStatus;
import dev.edc.execution.ExecutionSummary;
import dev.edc.execution.FinishedInMinute;
import dev.edc.execution.RecentExecutions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the index of recent executions and the counts of finished ones that
 * {@link RedisResultStore} keeps. Only entries submitted within the records' time to live are
 * read: an entry never outlives its record.
 */
@Component
class RedisExecutionHistory implements ExecutionHistory {

    private static final int PAGE = 200;

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final Duration ttl;
    private final Clock clock;

    RedisExecutionHistory(StringRedisTemplate redis, JsonMapper json, ExecutionProperties properties, Clock clock) {
        this.redis = redis;
        this.json = json;
        this.ttl = properties.resultTtl();
        this.clock = clock;
    }

    @Override
    public List<ExecutionSummary> recent(RecentExecutions query) {
        double oldest = clock.instant().minus(ttl).toEpochMilli();
        List<ExecutionSummary> found = new ArrayList<>();
        Set<String> seen = new HashSet<>(); // a write between two pages shifts the ranks
        for (long offset = 0; found.size() < query.limit(); offset += PAGE) {
            List<String> members = List.copyOf(redis.opsForZSet()
                    .reverseRangeByScore(RedisKeys.INDEX, oldest, Double.POSITIVE_INFINITY, offset, PAGE));
            if (members.isEmpty()) {
                break;
            }
            List<Object> summaries = redis.opsForHash().multiGet(RedisKeys.SUMMARIES, List.copyOf(members));
            for (int i = 0; i < members.size() && found.size() < query.limit(); i++) {
                if (summaries.get(i) instanceof String summary && seen.add(members.get(i))) {
                    ExecutionSummary execution = json.readValue(summary, ExecutionSummary.class);
                    if (query.matches(execution)) {
                        found.add(execution);
                    }
                }
            }
            if (members.size() < PAGE) {
                break;
            }
        }
        return found;
    }

    @Override
    public List<FinishedInMinute> finishedPerMinute(int minutes) {
        Instant current = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        List<Instant> starts = new ArrayList<>();
        for (int i = minutes - 1; i >= 0; i--) {
            starts.add(current.minus(Duration.ofMinutes(i)));
        }
        List<Object> counts = redis.executePipelined((RedisCallback<Object>) connection -> {
            starts.forEach(minute ->
                    connection.hashCommands().hGetAll(RedisKeys.finished(minute).getBytes(StandardCharsets.UTF_8)));
            return null;
        });
        List<FinishedInMinute> perMinute = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            perMinute.add(new FinishedInMinute(starts.get(i), byStatus((Map<?, ?>) counts.get(i))));
        }
        return perMinute;
    }

    private static Map<ExecutionStatus, Long> byStatus(Map<?, ?> counts) {
        Map<ExecutionStatus, Long> byStatus = new EnumMap<>(ExecutionStatus.class);
        if (counts != null) {
            // a status only a newer EDC knows is left out
            for (ExecutionStatus status : ExecutionStatus.values()) {
                if (counts.get(status.name()) instanceof String count) {
                    byStatus.put(status, Long.parseLong(count));
                }
            }
        }
        return byStatus;
    }
}
