package dev.edc.delivery;

import static dev.edc.EdcClient.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.edc.EdcClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two API processes and two worker processes, as the README lays out a scale-out: results reach a
 * client whichever API node it is connected to and whichever worker ran the job, jobs spread over
 * the workers, a worker killed mid-job loses nothing, and stopping a worker or an API node
 * (SIGTERM) lets what is in flight finish.
 */
class ScaleOutIT {

    private static final String QUEUE = "edc.jobs.scale-out-it";
    private static final Duration RESULT_WAIT = Duration.ofSeconds(60);
    private static final Duration NO_SECOND_COPY = Duration.ofSeconds(2);

    private static TwoByTwo nodes;

    private EdcClient onA;
    private EdcClient onB;

    @BeforeAll
    static void startTwoApiNodesAndTwoWorkers() {
        assumeTrue(
                Machine.hasRunningServices(),
                "needs the RabbitMQ and Redis named by SPRING_RABBITMQ_HOST and SPRING_DATA_REDIS_HOST");
        nodes = new TwoByTwo(QUEUE, false);
        nodes.start();
    }

    @AfterAll
    static void stopThem() {
        if (nodes != null) {
            nodes.close();
            Machine.deleteJobQueue(QUEUE);
        }
    }

    @BeforeEach
    void connect() {
        onA = new EdcClient(nodes.apiA.port());
        onB = new EdcClient(nodes.apiB.port());
    }

    @AfterEach
    void disconnect() {
        onA.close();
        onB.close();
    }

    @Test
    void shouldPushToAClientOnApiAResultOfAJobPostedToApiB() {
        String uuid = uniqueId("cross");
        EdcClient.Subscription onATopic = onA.subscribe("/topic/result/" + uuid);

        assertThat(onB.post("/execute-code", js(uuid, "console.log('posted to B')"))
                        .status())
                .isEqualTo(202);

        JsonNode result = onATopic.next(RESULT_WAIT);
        assertThat(result.get("status").asString()).isEqualTo("SUCCESS");
        assertThat(result.get("stdout").asString()).isEqualTo("posted to B\n");
        assertThat(onA.get("/executions/" + uuid).json()).isEqualTo(result);
        assertThat(onB.get("/executions/" + uuid).json()).isEqualTo(result);
    }

    @Test
    void shouldSpreadJobsOverBothWorkersAndRunEachOnce() {
        List<String> uuids = new ArrayList<>();
        List<EdcClient.Subscription> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String uuid = uniqueId("spread");
            uuids.add(uuid);
            results.add(onA.subscribe("/topic/result/" + uuid));
            EdcClient api = i % 2 == 0 ? onA : onB;
            assertThat(api.post("/execute-code", js(uuid, "setTimeout(() => console.log(" + i + "), 1000)"))
                            .status())
                    .isEqualTo(202);
        }

        for (int i = 0; i < 8; i++) {
            assertThat(results.get(i).next(RESULT_WAIT).get("stdout").asString())
                    .isEqualTo(i + "\n");
        }
        long onWorker1 = uuids.stream().filter(nodes.worker1::ran).count();
        long onWorker2 = uuids.stream().filter(nodes.worker2::ran).count();
        System.out.printf("[scale-out] 8 jobs: %d on worker-1, %d on worker-2%n", onWorker1, onWorker2);
        assertThat(onWorker1).as("jobs run by worker-1").isPositive();
        assertThat(onWorker2).as("jobs run by worker-2").isPositive();
        assertThat(uuids)
                .allSatisfy(uuid -> assertThat(nodes.worker1.ran(uuid) ^ nodes.worker2.ran(uuid))
                        .as("%s ran on exactly one worker", uuid)
                        .isTrue());
    }

    @Test
    void shouldGiveExactlyOneResultToSubscribersBeforeDuringAndAfterTheRun() throws Exception {
        String uuid = uniqueId("once");
        String topic = "/topic/result/" + uuid;
        try (EdcClient another = new EdcClient(nodes.apiA.port())) {
            EdcClient.Subscription status = onA.subscribe("/topic/status/" + uuid);
            EdcClient.Subscription beforeOnA = onA.subscribe(topic);
            EdcClient.Subscription beforeOnB = onB.subscribe(topic);

            assertThat(onB.post("/execute-code", js(uuid, "setTimeout(() => console.log('slow'), 2000)"))
                            .status())
                    .isEqualTo(202);
            JsonNode running = status.next(RESULT_WAIT);
            JsonNode storedWhileRunning = onA.get("/executions/" + uuid).json();
            EdcClient.Subscription duringOnA = another.subscribe(topic);
            EdcClient.Subscription duringOnB = onB.subscribe(topic);
            JsonNode result = beforeOnA.next(RESULT_WAIT);
            EdcClient.Subscription afterOnA = another.subscribe(topic);
            EdcClient.Subscription afterOnB = onB.subscribe(topic);

            assertThat(running.get("status").asString()).isEqualTo("RUNNING");
            assertThat(running.get("startedAt").asString()).isNotBlank();
            assertThat(running.get("waitedMs").asLong())
                    .as("time spent in the queue")
                    .isBetween(0L, 30_000L);
            assertThat(storedWhileRunning.get("status").asString())
                    .as("RUNNING is stored too")
                    .isEqualTo("RUNNING");
            assertThat(result.get("stdout").asString()).isEqualTo("slow\n");
            for (EdcClient.Subscription other : List.of(beforeOnB, duringOnA, duringOnB, afterOnA, afterOnB)) {
                assertThat(other.next(Duration.ofSeconds(10))).isEqualTo(result);
            }
            List<EdcClient.Subscription> all = List.of(beforeOnA, beforeOnB, duringOnA, duringOnB, afterOnA, afterOnB);
            await("no second copy")
                    .during(NO_SECOND_COPY)
                    .atMost(NO_SECOND_COPY.plusSeconds(1))
                    .until(() -> all.stream().allMatch(each -> each.pending() == 0));
            assertThat(onA.get("/executions/" + uuid).json())
                    .as("the stored record is what was pushed")
                    .isEqualTo(result);
        }
    }

    @Test
    void shouldFinishTheJobOfAKilledWorkerOnTheOtherWorker() throws Exception {
        String uuid = uniqueId("killed");
        EdcClient.Subscription results = onA.subscribe("/topic/result/" + uuid);
        assertThat(onB.post("/execute-code", js(uuid, "setTimeout(() => console.log('survived'), 3000)"))
                        .status())
                .isEqualTo(202);
        EdcProcess victim = nodes.awaitWorkerRunning(uuid, RESULT_WAIT);
        EdcProcess survivor = nodes.otherWorker(victim);

        victim.kill(); // SIGKILL mid-job: no ack, no result, no goodbye
        try {
            JsonNode result = results.next(RESULT_WAIT);

            assertThat(result.get("status").asString()).isEqualTo("SUCCESS");
            assertThat(result.get("stdout").asString()).isEqualTo("survived\n");
            assertThat(survivor.ran(uuid))
                    .as("redelivered to %s", survivor.name())
                    .isTrue();
            results.assertNothingMoreWithin(NO_SECOND_COPY);
            assertThat(onB.get("/executions/" + uuid).json()).isEqualTo(result);
        } finally {
            Machine.removeSandboxesOf(uuid); // the sandbox the killed worker left running
            victim.restart();
        }
    }

    @Test
    void shouldLetAStoppingWorkerFinishItsJobAndTakeNoOther() {
        String running = uniqueId("finish");
        EdcClient.Subscription runningResult = onA.subscribe("/topic/result/" + running);
        // longer than Spring AMQP's default 5 s shutdown wait: only edc.worker.shutdown-timeout lets it finish
        assertThat(onA.post(
                                "/execute-code",
                                EdcClient.json(Map.of(
                                        "uuid",
                                        running,
                                        "language",
                                        "javascript",
                                        "limits",
                                        Map.of("timeMs", 10_000),
                                        "code",
                                        "setTimeout(() => console.log('finished'), 7000)")))
                        .status())
                .isEqualTo(202);
        EdcProcess stopping = nodes.awaitWorkerRunning(running, RESULT_WAIT);
        EdcProcess other = nodes.otherWorker(stopping);

        Pattern stopsConsuming = Pattern.compile("Waiting for workers to finish");
        long stopsBefore = stopping.countLines(stopsConsuming);
        stopping.terminate(); // SIGTERM
        try {
            awaitMoreLines(stopping, stopsConsuming, stopsBefore, Duration.ofSeconds(10));
            String later = uniqueId("later");
            EdcClient.Subscription laterResult = onA.subscribe("/topic/result/" + later);
            assertThat(onA.post("/execute-code", js(later, "console.log('elsewhere')"))
                            .status())
                    .isEqualTo(202);

            assertThat(laterResult.next(RESULT_WAIT).get("stdout").asString()).isEqualTo("elsewhere\n");
            assertThat(other.ran(later))
                    .as("a job posted after SIGTERM runs on the other worker")
                    .isTrue();
            assertThat(stopping.ran(later))
                    .as("the stopping worker takes no new job")
                    .isFalse();
            JsonNode result = runningResult.next(RESULT_WAIT);
            assertThat(result.get("status").asString()).isEqualTo("SUCCESS");
            assertThat(result.get("stdout").asString()).isEqualTo("finished\n");
            assertThat(stopping.awaitExit(Duration.ofSeconds(60)))
                    .as("the stopping worker exits once its job is done")
                    .isTrue();
            assertThat(stopping.countLines(Pattern.compile("execution " + Pattern.quote(running) + ": SUCCESS")))
                    .as("its result was stored by the worker that ran it")
                    .isEqualTo(1);
            assertThat(other.ran(running)).as("not handed back to the queue").isFalse();
            assertThat(onA.get("/executions/" + running).json()).isEqualTo(result);
        } finally {
            stopping.restart();
        }
    }

    @Test
    void shouldAnswerARequestInFlightWhenItsApiNodeStops() throws Exception {
        String uuid = uniqueId("drain");
        EdcClient.Subscription onATopic = onA.subscribe("/topic/result/" + uuid);
        HttpClient http = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<String>> waiting = http.sendAsync(
                HttpRequest.newBuilder(URI.create("http://localhost:" + nodes.apiB.port() + "/execute-code?wait=true"))
                        .header("Content-Type", "application/json")
                        .timeout(RESULT_WAIT)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                js(uuid, "setTimeout(() => console.log('drained'), 3000)")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        nodes.awaitWorkerRunning(uuid, RESULT_WAIT);

        long stoppedAt = System.nanoTime();
        nodes.apiB.terminate(); // SIGTERM while the request waits for its result
        try {
            HttpResponse<String> answer = waiting.get(RESULT_WAIT.toSeconds(), TimeUnit.SECONDS);

            assertThat(answer.statusCode())
                    .as("answered, not cut: %s", answer.body())
                    .isIn(200, 202);
            assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt))
                    .as("answered without waiting out the 30 s wait bound")
                    .isLessThan(Duration.ofSeconds(20));
            assertThat(EdcClient.JSON_MAPPER.readTree(answer.body()).get("uuid").asString())
                    .isEqualTo(uuid);
            assertThat(nodes.apiB.awaitExit(Duration.ofSeconds(60)))
                    .as("API node B exits")
                    .isTrue();
            JsonNode result = onATopic.next(RESULT_WAIT);
            assertThat(result.get("stdout").asString())
                    .as("the job itself is unaffected")
                    .isEqualTo("drained\n");
            assertThat(onA.get("/executions/" + uuid).json()).isEqualTo(result);
        } finally {
            nodes.apiB.restart();
        }
    }

    private static String js(String uuid, String code) {
        return EdcClient.json(Map.of("uuid", uuid, "language", "javascript", "code", code));
    }

    /** Waits until the process logs one more line like this. */
    private static void awaitMoreLines(EdcProcess process, Pattern line, long before, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> process.countLines(line) > before);
    }
}
