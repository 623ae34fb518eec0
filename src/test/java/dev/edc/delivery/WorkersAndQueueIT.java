package dev.edc.delivery;

import static dev.edc.EdcClient.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.edc.EdcClient;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * What an operator sees of EDC processes started from the jar: an API node alone first, whose
 * {@code GET /queue} counts the jobs and dead letters as the broker does; then two workers, which
 * appear in {@code GET /workers} with what they can run and what they are running, and drain the
 * queue; then one killed with SIGKILL, which drops out by itself, and one stopped, which leaves at
 * once. One story, in order: each step starts from where the last one left the processes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkersAndQueueIT {

    private static final String QUEUE = "edc.jobs.workers-and-queue-it";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Map<String, String> ENVIRONMENT =
            Map.of("EDC_QUEUE_NAME", QUEUE, "EDC_POOL_ENABLED", "false", "EDC_WORKER_CONCURRENCY", "2");

    private static EdcProcess api;
    private static EdcProcess worker1;
    private static EdcProcess worker2;

    private EdcClient client;

    @BeforeAll
    static void startAnApiNodeAlone() {
        assumeTrue(
                Machine.hasRunningServices(),
                "needs the RabbitMQ and Redis named by SPRING_RABBITMQ_HOST and SPRING_DATA_REDIS_HOST");
        Machine.deleteJobQueue(QUEUE); // what an earlier run left
        api = EdcProcess.api("ops-api", 18090, ENVIRONMENT); // kept first: stopped even if it never gets ready
        api.start().awaitReady();
        worker1 = EdcProcess.worker("ops-worker-1", 18092, ENVIRONMENT);
        worker2 = EdcProcess.worker("ops-worker-2", 18093, ENVIRONMENT);
    }

    @AfterAll
    static void stopThem() {
        for (EdcProcess process : new EdcProcess[] {worker1, worker2, api}) {
            if (process != null) {
                process.close();
            }
        }
        if (api != null) {
            Machine.deleteJobQueue(QUEUE);
        }
    }

    @BeforeEach
    void connect() {
        client = new EdcClient(api.port());
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    @Order(1)
    void shouldCountQueuedJobsAndDeadLettersAsTheBrokerDoes() {
        for (int i = 0; i < 3; i++) {
            assertThat(client.post("/execute-code", js(uniqueId("waiting"), "console.log('waited')"))
                            .status())
                    .isEqualTo(202);
        }
        Machine.publish(QUEUE + ".dead", "not a job");
        Machine.publish(QUEUE + ".dead", "not a job either");

        // the API node reads the broker at most every 2 s: the numbers catch up within that
        JsonNode queue = await("GET /queue as the broker counts")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> client.get("/queue").json(),
                        q -> q.get("depth").asLong() == 3
                                && q.get("deadLetters").asLong() == 2);

        assertThat(Machine.count(QUEUE)).isEqualTo(new Machine.QueueCount(3, 0));
        assertThat(Machine.count(QUEUE + ".dead").messages()).isEqualTo(2);
        assertThat(queue.get("name").asString()).isEqualTo(QUEUE);
        assertThat(queue.get("consumers").asLong()).as("no worker yet").isZero();
        String metrics = client.get("/actuator/prometheus").body();
        assertThat(metrics).contains("edc_queue_depth 3.0", "edc_queue_dead_letters 2.0", "edc_queue_consumers 0.0");
    }

    @Test
    @Order(2)
    void shouldListTheWorkersThatStartAndSeeThemDrainTheQueue() throws Exception {
        worker1.start();
        worker2.start();
        worker1.awaitReady();
        worker2.awaitReady();

        JsonNode first = awaitWorker(worker1);
        JsonNode second = awaitWorker(worker2);
        JsonNode queue = await("the queue drained, its dead letters recorded")
                .atMost(WAIT)
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> client.get("/queue").json(),
                        q -> q.get("depth").asLong() == 0
                                && q.get("deadLetters").asLong() == 0
                                && q.get("consumers").asLong() == 4);

        assertThat(Machine.count(QUEUE)).isEqualTo(new Machine.QueueCount(0, 4));
        assertThat(queue.get("consumers").asLong())
                .as("two workers, two job slots each")
                .isEqualTo(4);
        for (JsonNode worker : List.of(first, second)) {
            assertThat(worker.get("host").asString())
                    .isEqualTo(InetAddress.getLocalHost().getHostName());
            assertThat(worker.get("concurrency").asInt()).isEqualTo(2);
            assertThat(worker.get("pool").asInt()).as("pool off").isZero();
            assertThat(languages(worker)).contains("javascript 20", "java 17");
            assertThat(Instant.parse(worker.get("startedAt").asString()))
                    .isBeforeOrEqualTo(Instant.parse(worker.get("lastSeenAt").asString()));
        }
        String lastSeen = first.get("lastSeenAt").asString();
        await("a heartbeat later")
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> find(worker1).map(w -> w.get("lastSeenAt").asString()),
                        seen -> seen.isPresent() && !seen.get().equals(lastSeen));
        assertThat(client.get("/actuator/prometheus").body()).containsPattern("(?m)^edc_workers [2-9]");
    }

    @Test
    @Order(3)
    void shouldShowWhichWorkerIsBusy() {
        String uuid = uniqueId("busy");
        EdcClient.Subscription result = client.subscribe("/topic/result/" + uuid);
        assertThat(client.post("/execute-code", js(uuid, "setTimeout(() => console.log('done'), 4000)"))
                        .status())
                .isEqualTo(202);
        EdcProcess running = await("a worker taking " + uuid)
                .atMost(WAIT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> worker1.ran(uuid) ? worker1 : worker2.ran(uuid) ? worker2 : null, w -> w != null);

        await(running.name() + " busy with one job")
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> find(running).map(w -> w.get("busy").asInt()).orElse(-1) == 1);
        assertThat(result.next(WAIT).get("stdout").asString()).isEqualTo("done\n");
        await(running.name() + " idle again")
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> find(running).map(w -> w.get("busy").asInt()).orElse(-1) == 0);
    }

    @Test
    @Order(4)
    void shouldDropAWorkerKilledWithSigkillWithinAMinute() {
        worker1.kill(); // no shutdown, no goodbye: only its report's expiry tells
        Instant killed = Instant.now();

        await("worker-1 gone from GET /workers")
                .atMost(WAIT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> find(worker1).isEmpty());
        Duration gone = Duration.between(killed, Instant.now());
        System.out.printf("[operations] a worker killed with SIGKILL left GET /workers after %d ms%n", gone.toMillis());

        assertThat(gone).as("three heartbeats of 5 s, and a poll").isLessThan(Duration.ofSeconds(20));
        assertThat(find(worker2)).as("the other one stays").isPresent();
    }

    @Test
    @Order(5)
    void shouldDropAStoppedWorkerAtOnce() {
        worker2.terminate(); // SIGTERM: it drains (nothing running) and removes itself
        assertThat(worker2.awaitExit(Duration.ofSeconds(60))).isTrue();

        assertThat(find(worker2)).as("removed on its way out, not expired").isEmpty();
        await("the job queue without consumers")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> client.get("/queue").json().get("consumers").asLong() == 0);
    }

    private JsonNode awaitWorker(EdcProcess worker) {
        return await(worker.name() + " in GET /workers")
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> find(worker), Optional::isPresent)
                .orElseThrow();
    }

    private Optional<JsonNode> find(EdcProcess worker) {
        String id = hostName() + "-" + worker.pid();
        EdcClient.Response workers = client.get("/workers");
        assertThat(workers.status()).isEqualTo(200);
        return StreamSupport.stream(workers.json().spliterator(), false)
                .filter(w -> w.get("id").asString().equals(id))
                .findFirst();
    }

    private static List<String> languages(JsonNode worker) {
        return worker.get("languages")
                .valueStream()
                .map(l -> l.get("language").asString() + " " + l.get("version").asString())
                .toList();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String js(String uuid, String code) {
        return EdcClient.json(Map.of("uuid", uuid, "language", "javascript", "code", code));
    }
}
