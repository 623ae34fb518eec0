package dev.edc.delivery;

import static dev.edc.EdcClient.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.edc.EdcClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Soak: 2,000 short JavaScript jobs posted by concurrent clients across two API nodes, two workers,
 * one of them killed (SIGKILL) halfway and started again. Every job must end with exactly one
 * stored result and every subscriber with exactly one message. Too long for CI: tagged
 * {@code soak}, run with {@code bash bench/soak.sh} ({@code -Dsoak.jobs}, {@code -Dsoak.clients}).
 */
@Tag("soak")
class SoakIT {

    private static final int JOBS = Integer.getInteger("soak.jobs", 2000);
    private static final int CLIENTS = Integer.getInteger("soak.clients", 8);
    private static final Duration DEADLINE = Duration.ofMinutes(30);
    private static final Pattern RUNNING = Pattern.compile("execution (soak-[0-9a-f]{8}): running ");

    @Test
    void shouldGiveEveryJobExactlyOneResultWhileAWorkerIsKilledAndRestarted() throws Exception {
        assumeTrue(
                Machine.hasRunningServices(),
                "needs the RabbitMQ and Redis named by SPRING_RABBITMQ_HOST and SPRING_DATA_REDIS_HOST");
        String queue = "edc.jobs.soak-it";
        try (TwoByTwo nodes = new TwoByTwo(queue, true)) {
            nodes.start();
            soak(nodes);
        } finally {
            Machine.deleteJobQueue(queue);
        }
    }

    private static void soak(TwoByTwo nodes) throws Exception {
        long started = System.nanoTime();
        List<String> uuids = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            uuids.add(uniqueId("soak"));
        }
        // each client listens on one API node and posts to the other: every result crosses the fanout
        List<EdcClient> listeners = new ArrayList<>();
        List<EdcClient> posters = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            listeners.add(new EdcClient(c % 2 == 0 ? nodes.apiA.port() : nodes.apiB.port()));
            posters.add(new EdcClient(c % 2 == 0 ? nodes.apiB.port() : nodes.apiA.port()));
        }
        EdcClient.Subscription[] subscriptions = new EdcClient.Subscription[JOBS];
        AtomicInteger accepted = new AtomicInteger();
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<?>> posting = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                posting.add(clients.submit(() -> {
                    for (int j = client; j < JOBS; j += CLIENTS) {
                        subscriptions[j] = listeners.get(client).subscribe("/topic/result/" + uuids.get(j));
                        EdcClient.Response response = posters.get(client)
                                .post(
                                        "/execute-code",
                                        EdcClient.json(Map.of(
                                                "uuid",
                                                uuids.get(j),
                                                "language",
                                                "javascript",
                                                "code",
                                                "console.log(" + j + ")")));
                        if (response.status() == 202) {
                            accepted.incrementAndGet();
                        } else {
                            System.out.printf("[soak] job %d refused: %d %s%n", j, response.status(), response.body());
                        }
                    }
                }));
            }
            boolean killed = false;
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            long nextReport = 0;
            int received;
            while ((received = received(subscriptions)) < JOBS && System.nanoTime() < deadline) {
                if (!killed && received >= JOBS / 2) {
                    killed = true;
                    long killedAt = System.nanoTime();
                    nodes.worker1.kill();
                    System.out.printf("[soak] worker-1 killed (SIGKILL) after %d results%n", received);
                    nodes.worker1.start().awaitReady();
                    System.out.printf(
                            "[soak] worker-1 restarted in %d s%n",
                            Duration.ofNanos(System.nanoTime() - killedAt).toSeconds());
                    received = received(subscriptions);
                }
                if (System.nanoTime() > nextReport) {
                    System.out.printf(
                            "[soak] %d s: %d accepted, %d results received%n",
                            Duration.ofNanos(System.nanoTime() - started).toSeconds(), accepted.get(), received);
                    nextReport = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                }
                Thread.sleep(200);
            }
            for (Future<?> client : posting) {
                client.get();
            }
            assertThat(killed).as("a worker was killed midway").isTrue();
        }
        int all = received(subscriptions);
        await("no second copy")
                .during(Duration.ofSeconds(5))
                .atMost(Duration.ofSeconds(6))
                .until(() -> received(subscriptions) == all);
        report(nodes, uuids, subscriptions, accepted.get(), posters, started);
        listeners.forEach(EdcClient::close);
        posters.forEach(EdcClient::close);
    }

    private static void report(
            TwoByTwo nodes,
            List<String> uuids,
            EdcClient.Subscription[] subscriptions,
            int accepted,
            List<EdcClient> readers,
            long started) {
        int exactlyOne = 0;
        int none = 0;
        int several = 0;
        int storedFinal = 0;
        int success = 0;
        int pushedAsStored = 0;
        for (int j = 0; j < JOBS; j++) {
            int messages = subscriptions[j] == null ? 0 : subscriptions[j].pending();
            if (messages == 1) {
                exactlyOne++;
            } else if (messages == 0) {
                none++;
            } else {
                several++;
            }
            EdcClient.Response stored = readers.get(j % readers.size()).get("/executions/" + uuids.get(j));
            JsonNode record = stored.status() == 200 ? stored.json() : null;
            String status = record == null ? "" : record.get("status").asString();
            if (!status.isEmpty() && !status.equals("QUEUED") && !status.equals("RUNNING")) {
                storedFinal++;
            }
            if (status.equals("SUCCESS") && record.get("stdout").asString().equals(j + "\n")) {
                success++;
            }
            if (messages >= 1 && subscriptions[j].poll(Duration.ZERO).equals(record)) {
                pushedAsStored++;
            }
        }
        Map<String, Integer> runs = new HashMap<>();
        long onWorker1 = countRuns(nodes.worker1, runs);
        long onWorker2 = countRuns(nodes.worker2, runs);
        long runTwice = runs.values().stream().filter(count -> count > 1).count();

        System.out.printf(
                "[soak] %d jobs, %d clients, 2 API nodes, 2 workers, %d s%n",
                JOBS, CLIENTS, Duration.ofNanos(System.nanoTime() - started).toSeconds());
        System.out.printf("[soak] accepted (202): %d%n", accepted);
        System.out.printf(
                "[soak] stored with a final result: %d (SUCCESS with the right output: %d)%n", storedFinal, success);
        System.out.printf(
                "[soak] subscribers with exactly one message: %d, with none: %d, with more than one: %d%n",
                exactlyOne, none, several);
        System.out.printf("[soak] pushed result equal to the stored one: %d%n", pushedAsStored);
        System.out.printf(
                "[soak] runs: worker-1 %d, worker-2 %d; jobs run twice (redelivered after the kill): %d%n",
                onWorker1, onWorker2, runTwice);

        assertThat(accepted).isEqualTo(JOBS);
        assertThat(storedFinal).isEqualTo(JOBS);
        assertThat(success).isEqualTo(JOBS);
        assertThat(exactlyOne).isEqualTo(JOBS);
        assertThat(pushedAsStored).isEqualTo(JOBS);
    }

    private static int received(EdcClient.Subscription[] subscriptions) {
        int received = 0;
        for (EdcClient.Subscription subscription : subscriptions) {
            if (subscription != null && subscription.pending() > 0) {
                received++;
            }
        }
        return received;
    }

    /** Runs in a worker's log, every run of it; counts each execution's runs across workers. */
    private static long countRuns(EdcProcess worker, Map<String, Integer> runs) {
        Matcher matcher = RUNNING.matcher(worker.log());
        long count = 0;
        while (matcher.find()) {
            runs.merge(matcher.group(1), 1, Integer::sum);
            count++;
        }
        return count;
    }
}
