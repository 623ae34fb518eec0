package dev.edc.delivery;

import static dev.edc.EdcClient.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.edc.EdcClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Base of the tests that break the worker's Docker engine: EDC (API and worker in one process,
 * JavaScript only) on the engine of {@link OwnDockerEngine}, started, warmed up and its warm pool
 * full before each test; JavaScript jobs submitted and their one result each checked. A subclass
 * names its own job queue ({@code edc.queue.name} from {@link OwnDockerEngine#queueOf}) in a
 * {@code @DynamicPropertySource} that also calls {@link OwnDockerEngine#register}.
 */
@ExtendWith({OwnDockerEngine.class, OutputCaptureExtension.class}) // before the context: its engine first
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
abstract class OnOwnEngine {

    static final Duration RESULT_WAIT = Duration.ofSeconds(120);
    static final int POOL_SIZE = OwnDockerEngine.POOL_SIZE;

    @LocalServerPort
    int port;

    EdcClient edc;
    final DockerNode engine = OwnDockerEngine.engine();

    @BeforeEach
    void connect() {
        edc = new EdcClient(port);
        assertThat(edc.run(js(uniqueId("warm-up"), "console.log('up')"))
                        .get("stdout")
                        .asString())
                .isEqualTo("up\n");
        OwnDockerEngine.awaitWarmPool(edc, System.nanoTime());
    }

    @AfterEach
    void disconnect() {
        edc.close();
    }

    /** Submits {@code count} JavaScript jobs, job i's code {@code codeFormat} with i, which it must print. */
    List<Job> submit(int count, String codeFormat) {
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String uuid = uniqueId("engine");
            Job job = new Job(uuid, i, edc.subscribe("/topic/result/" + uuid));
            EdcClient.Response accepted = edc.post("/execute-code", EdcClient.json(js(uuid, codeFormat.formatted(i))));
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            jobs.add(job);
        }
        return jobs;
    }

    String status(Job job) {
        return edc.get("/executions/" + job.uuid()).json().get("status").asString();
    }

    void assertEachGotItsOneResult(List<Job> jobs) {
        OneResultEach.assertFor(edc, jobs, RESULT_WAIT);
    }

    static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    static Map<String, String> js(String uuid, String code) {
        return Map.of("uuid", uuid, "language", "javascript", "code", code);
    }

    record Job(String uuid, int index, EdcClient.Subscription results) implements OneResultEach.Submitted {}
}
