package dev.edc.operations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The workers that are up, as they report themselves in Redis: each under
 * {@code edc:worker:<id>} with a time to live of three heartbeats, so that one that stops
 * reporting (SIGKILL, a frozen or cut-off host) disappears by itself; {@code edc:workers} lists
 * the ids, so that reading them never scans the keyspace.
 */
@Component
class WorkerDirectory {

    private static final String WORKER = "edc:worker:";
    private static final String IDS = "edc:workers";

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    WorkerDirectory(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    void report(WorkerStatus status, Duration ttl) {
        redis.opsForValue().set(WORKER + status.id(), json.writeValueAsString(status), ttl);
        redis.opsForZSet().add(IDS, status.id(), status.lastSeenAt().toEpochMilli());
    }

    void remove(String id) {
        redis.delete(WORKER + id);
        redis.opsForZSet().remove(IDS, id);
    }

    /** The workers whose report has not expired, by id. */
    List<WorkerStatus> all() {
        List<String> ids = List.copyOf(redis.opsForZSet().range(IDS, 0, -1));
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> reports =
                redis.opsForValue().multiGet(ids.stream().map(id -> WORKER + id).toList());
        List<WorkerStatus> workers = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String report = reports.get(i);
            if (report == null) {
                gone.add(ids.get(i));
            } else {
                workers.add(json.readValue(report, WorkerStatus.class));
            }
        }
        if (!gone.isEmpty()) {
            redis.opsForZSet().remove(IDS, gone.toArray());
        }
        workers.sort(Comparator.comparing(WorkerStatus::id));
        return workers;
    }
}
