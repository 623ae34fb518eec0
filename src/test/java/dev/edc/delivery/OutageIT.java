package dev.edc.delivery;

import static dev.edc.EdcClient.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.edc.EdcClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
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

/**
 * The broker and the store go away and come back while jobs are queued and running. EDC (API
 * and worker in one process) runs against a RabbitMQ node and a Redis of this test's own, which it
 * stops and starts: the machine's are shared and stay up. While one is down the API answers 503
 * and leaves nothing half-made; once it is back EDC reconnects by itself and every job accepted
 * before gets exactly one result.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"edc.pool.enabled=false", "edc.worker.concurrency=2"})
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class OutageIT {

    private static final Duration RESULT_WAIT = Duration.ofSeconds(90);
    private static final RabbitNode rabbit = new RabbitNode("edc-outage-it", 18095, 18096);
    private static final RedisNode redis = new RedisNode(18094);

    @LocalServerPort
    int port;

    private EdcClient edc;

    @BeforeAll
    static void startOwnBrokerAndStore() {
        assumeTrue(
                RabbitNode.available() && RedisNode.available(),
                "needs rabbitmq-server and redis-server on this machine");
        rabbit.start();
        redis.start();
    }

    @AfterAll
    static void stopThem() {
        rabbit.close();
        redis.close();
    }

    @DynamicPropertySource
    static void useThem(DynamicPropertyRegistry registry) {
        registry.add("spring.rabbitmq.host", () -> "localhost");
        registry.add("spring.rabbitmq.port", rabbit::port);
        registry.add("spring.rabbitmq.virtual-host", () -> "/");
        registry.add("spring.rabbitmq.username", () -> "guest");
        registry.add("spring.rabbitmq.password", () -> "guest");
        registry.add("spring.data.redis.host", () -> "localhost");
        registry.add("spring.data.redis.port", redis::port);
    }

    @BeforeEach
    void connect() {
        edc = new EdcClient(port);
        assertThat(edc.run(jsRequest(uniqueId("warm-up"), "console.log('up')"))
                        .get("status")
                        .asString())
                .isEqualTo("SUCCESS");
    }

    @AfterEach
    void disconnect() {
        edc.close();
    }

    @Test
    void shouldAnswer503WhileTheBrokerIsDownAndLoseNoJobAcrossItsRestart() {
        List<Job> jobs = submitSlowJobs(4); // two run, two wait in the queue
        awaitRunning(jobs, 2);

        rabbit.stop();
        String refused = uniqueId("no-broker");
        EdcClient.Response down = edc.post("/execute-code", js(refused, "console.log('never')"));
        rabbit.start();

        assertThat(down.status()).isEqualTo(503);
        assertThat(down.contentType()).startsWith("application/problem+json");
        assertThat(down.json().get("detail").asString()).contains("RabbitMQ", "nothing was queued");
        assertThat(down.header("Retry-After")).isNotBlank();
        assertThat(edc.get("/executions/" + refused).status())
                .as("its record was withdrawn")
                .isEqualTo(404);
        assertEachGotItsOneResult(jobs);
        assertThat(edc.run(jsRequest(uniqueId("after-broker"), "console.log('reconnected')"))
                        .get("stdout")
                        .asString())
                .isEqualTo("reconnected\n");
        assertThat(edc.get("/executions/" + refused).status()).as("never run").isEqualTo(404);
    }

    @Test
    void shouldAnswer503WhileTheStoreIsDownAndRunEveryQueuedJobOnceItIsBack(CapturedOutput output) {
        List<Job> jobs = submitSlowJobs(4);
        awaitRunning(jobs, 2);

        redis.stop();
        String refused = uniqueId("no-store");
        EdcClient.Response submit = edc.post("/execute-code", js(refused, "console.log('never')"));
        EdcClient.Response read = edc.get("/executions/" + jobs.getFirst().uuid());
        EdcClient.Response readiness = edc.get("/actuator/health/readiness");
        // the running jobs end meanwhile, and their results cannot be stored yet
        await().atMost(RESULT_WAIT).until(() -> output.getOut().contains("the result store (Redis) is unavailable"));
        redis.start();

        assertThat(submit.status()).isEqualTo(503);
        assertThat(submit.contentType()).startsWith("application/problem+json");
        assertThat(submit.json().get("detail").asString()).contains("Redis", "nothing was queued");
        assertThat(read.status()).isEqualTo(503);
        assertThat(readiness.status()).as("not ready without its store").isEqualTo(503);
        assertEachGotItsOneResult(jobs);
        assertThat(output.getOut())
                .as("the worker says what it could not do")
                .contains("the result store (Redis) is unavailable");
        assertThat(edc.run(jsRequest(uniqueId("after-store"), "console.log('reconnected')"))
                        .get("stdout")
                        .asString())
                .isEqualTo("reconnected\n");
        assertThat(edc.get("/executions/" + refused).status())
                .as("nothing half-made")
                .isEqualTo(404);
        assertThat(output.getOut()).doesNotContain("execution " + refused + ": running");
    }

    private List<Job> submitSlowJobs(int count) {
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String uuid = uniqueId("outage");
            Job job = new Job(uuid, i, edc.subscribe("/topic/status/" + uuid), edc.subscribe("/topic/result/" + uuid));
            EdcClient.Response accepted =
                    edc.post("/execute-code", js(uuid, "setTimeout(() => console.log(" + i + "), 2500)"));
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            jobs.add(job);
        }
        return jobs;
    }

    /** Waits until this many jobs are RUNNING (their status pushed). */
    private static void awaitRunning(List<Job> jobs, int running) {
        for (Job job : jobs.subList(0, running)) {
            assertThat(job.status().next(RESULT_WAIT).get("status").asString()).isEqualTo("RUNNING");
        }
    }

    private void assertEachGotItsOneResult(List<Job> jobs) {
        OneResultEach.assertFor(edc, jobs, RESULT_WAIT);
    }

    private static String js(String uuid, String code) {
        return EdcClient.json(jsRequest(uuid, code));
    }

    private static Map<String, String> jsRequest(String uuid, String code) {
        return Map.of("uuid", uuid, "language", "javascript", "code", code);
    }

    private record Job(String uuid, int index, EdcClient.Subscription status, EdcClient.Subscription results)
            implements OneResultEach.Submitted {}
}
