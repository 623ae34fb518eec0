package dev.edc.delivery;

import static dev.edc.EdcClient.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.edc.EdcClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The worker's Docker engine restarted, or stopped for a while, under queued and running jobs.
 * EDC (API and worker in one process, default settings: two jobs at a time, eight warm
 * JavaScript containers) runs its sandboxes on an engine of this test's own ({@link
 * OwnDockerEngine}), which it stops with SIGTERM as an operator's restart does: the machine's
 * engine is shared and stays up. While the engine is gone the worker is not ready and takes no
 * job; the jobs it was running go back to the queue without counting a try; once the engine
 * answers it takes jobs again and refills its warm pool by itself. Every job gets exactly one
 * result, the right one. Prints the times it measured ({@code [engine-restart]}).
 */
@ExtendWith({OwnDockerEngine.class, OutputCaptureExtension.class}) // before the context: its engine first
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class EngineRestartIT {

    private static final Duration RESULT_WAIT = Duration.ofSeconds(120);
    private static final Duration RECOVERY_WAIT = Duration.ofSeconds(60);
    private static final int POOL_SIZE = OwnDockerEngine.POOL_SIZE;

    @LocalServerPort
    int port;

    private EdcClient edc;
    private final DockerNode engine = OwnDockerEngine.engine();

    @DynamicPropertySource
    static void onItsOwnEngine(DynamicPropertyRegistry registry) {
        OwnDockerEngine.register(registry);
        registry.add("edc.queue.name", () -> OwnDockerEngine.queueOf(EngineRestartIT.class));
    }

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

    @Test
    void shouldGiveEachOfThirtyJobsItsOneCorrectResultAcrossAnEngineRestart(CapturedOutput output) {
        List<Job> jobs = submit(30, "setTimeout(() => console.log(%d), 1500)"); // 1.5 s each
        await("some jobs done, the others queued or running")
                .atMost(RESULT_WAIT)
                .until(() ->
                        jobs.stream().filter(job -> job.results().pending() > 0).count() >= 4);

        Duration stopping = engine.stop(); // SIGTERM: the engine stops its containers, then exits
        long down = System.nanoTime();
        EdcClient.Response readinessWhileDown = edc.get("/actuator/health/readiness");
        engine.start();
        long up = System.nanoTime();
        Duration downFor = Duration.ofNanos(up - down);

        assertThat(readinessWhileDown.status())
                .as("not ready without its engine")
                .isEqualTo(503);
        Duration consuming = awaitConsuming(up);
        assertThat(edc.get("/actuator/health/readiness").status())
                .as("ready again")
                .isEqualTo(200);
        assertEachGotItsOneResult(jobs);
        Duration allDone = since(up);
        Duration refilled = OwnDockerEngine.awaitWarmPool(edc, up);
        long retried = output.getOut()
                .lines()
                .filter(line -> line.contains("cannot run here now"))
                .count();
        System.out.printf(
                "[engine-restart] 30 jobs of 1.5 s: engine stopped in %.1f s (SIGTERM), down %.1f s; after it"
                        + " answered: worker taking jobs again in %.1f s, all 30 results in %.1f s, warm pool full"
                        + " (%d) in %.1f s; %d job runs sent back to wait (not counted as tries)%n",
                seconds(stopping),
                seconds(downFor),
                seconds(consuming),
                seconds(allDone),
                POOL_SIZE,
                seconds(refilled),
                retried);
        assertThat(output.getOut())
                .as("the worker noticed, paused and resumed")
                .contains("Docker engine unreachable", "job listeners stopped", "job listeners started again")
                .doesNotContain("dead-lettered");
    }

    @Test
    void shouldKeepJobsQueuedAndTheWorkerNotReadyWhileTheEngineStaysDown(CapturedOutput output) {
        String queue = OwnDockerEngine.queueOf(EngineRestartIT.class);
        engine.stop();
        long down = System.nanoTime();

        await("the worker stops consuming by itself")
                .atMost(RECOVERY_WAIT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Machine.count(queue).consumers() == 0);
        Duration stoppedConsuming = since(down);
        EdcClient.Response readiness = edc.get("/actuator/health/readiness");
        assertThat(readiness.status()).as("not ready without its engine").isEqualTo(503);
        assertThat(readiness.json().at("/components/docker/status").asString()).isEqualTo("DOWN");

        List<Job> jobs = submit(6, "console.log(%d)");
        await("the jobs wait in the queue, none failed")
                .during(Duration.ofSeconds(6))
                .atMost(Duration.ofSeconds(10))
                .until(() -> Machine.count(queue).messages() == jobs.size()
                        && jobs.stream().allMatch(job -> status(job).equals("QUEUED")));
        assertThat(jobs).allMatch(job -> job.results().pending() == 0, "no result while the engine is down");
        assertThat(edc.get("/actuator/health/readiness").status())
                .as("still not ready")
                .isEqualTo(503);

        engine.start();
        long up = System.nanoTime();
        Duration consuming = awaitConsuming(up);
        assertThat(edc.get("/actuator/health/readiness").status())
                .as("ready again")
                .isEqualTo(200);
        assertEachGotItsOneResult(jobs);
        Duration allDone = since(up);
        Duration refilled = OwnDockerEngine.awaitWarmPool(edc, up);
        System.out.printf(
                "[engine-down] worker stopped consuming %.1f s after the engine exited; 6 jobs stayed QUEUED;"
                        + " after it answered again: worker taking jobs again in %.1f s, all 6 results in %.1f s,"
                        + " warm pool full (%d) in %.1f s%n",
                seconds(stoppedConsuming), seconds(consuming), seconds(allDone), POOL_SIZE, seconds(refilled));
        assertThat(output.getOut()).doesNotContain("dead-lettered");
    }

    private List<Job> submit(int count, String codeFormat) {
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

    private String status(Job job) {
        return edc.get("/executions/" + job.uuid()).json().get("status").asString();
    }

    /**
     * Until the worker consumes its queue again, as it finds by itself (asking its readiness would
     * ping the engine, and resume it sooner than its own watch does).
     */
    private static Duration awaitConsuming(long since) {
        await("the worker consuming again")
                .atMost(RECOVERY_WAIT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Machine.count(OwnDockerEngine.queueOf(EngineRestartIT.class))
                                .consumers()
                        > 0);
        return since(since);
    }

    private void assertEachGotItsOneResult(List<Job> jobs) {
        for (Job job : jobs) {
            JsonNode result = job.results().next(RESULT_WAIT);
            assertThat(result.get("status").asString()).as(result.toString()).isEqualTo("SUCCESS");
            assertThat(result.get("stdout").asString()).isEqualTo(job.index() + "\n");
            assertThat(edc.get("/executions/" + job.uuid()).json())
                    .as("stored as pushed")
                    .isEqualTo(result);
        }
        await("no second result")
                .during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(3))
                .until(() -> jobs.stream().allMatch(job -> job.results().pending() == 0));
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static Map<String, String> js(String uuid, String code) {
        return Map.of("uuid", uuid, "language", "javascript", "code", code);
    }

    private record Job(String uuid, int index, EdcClient.Subscription results) {}
}
