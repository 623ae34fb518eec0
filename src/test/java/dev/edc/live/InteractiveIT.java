package dev.edc.live;

import static dev.edc.EdcClient.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.edc.EdcClient;
import dev.edc.delivery.EdcProcess;
import dev.edc.delivery.Machine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A web IDE's run across nodes: two API processes and one worker, with API keys on. The client
 * posts to one API node and watches (output, result) and types (HTTP and STOMP) through the other;
 * a second key sees and steers nothing of the first one's runs.
 */
class InteractiveIT {

    private static final String QUEUE = "edc.jobs.interactive-it";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static EdcProcess apiA;
    private static EdcProcess apiB;
    private static EdcProcess worker;

    private EdcClient onA;
    private EdcClient onB;

    @BeforeAll
    static void startTwoApiNodesAndAWorker() {
        assumeTrue(
                Machine.hasRunningServices(),
                "needs the RabbitMQ and Redis named by SPRING_RABBITMQ_HOST and SPRING_DATA_REDIS_HOST");
        Map<String, String> environment = Map.of(
                "EDC_QUEUE_NAME",
                QUEUE,
                "EDC_WORKER_CONCURRENCY",
                "2",
                "EDC_API_KEYS",
                "alpha:key-of-alpha,beta:key-of-beta",
                "EDC_POOL_ENABLED",
                "true");
        apiA = EdcProcess.api("interactive-api-a", 18096, environment).start();
        apiB = EdcProcess.api("interactive-api-b", 18097, environment).start();
        worker = EdcProcess.worker("interactive-worker", 18098, environment).start();
        List.of(apiA, apiB, worker).forEach(EdcProcess::awaitReady);
    }

    @AfterAll
    static void stopThem() {
        for (EdcProcess process : new EdcProcess[] {apiA, apiB, worker}) {
            if (process != null) {
                process.close();
            }
        }
        if (apiA != null) {
            Machine.deleteJobQueue(QUEUE);
        }
    }

    @BeforeEach
    void connect() {
        onA = new EdcClient(apiA.port(), "key-of-alpha");
        onB = new EdcClient(apiB.port(), "key-of-alpha");
    }

    @AfterEach
    void disconnect() {
        onA.close();
        onB.close();
    }

    private static JsonNode accepted(EdcClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json();
    }

    /** Submits on node A; the execution's control token. */
    private String submit(Map<String, ?> request) {
        return accepted(onA.post("/execute-code", EdcClient.json(request)))
                .get("controlToken")
                .asString();
    }

    @Test
    void shouldStreamOutputLiveToAClientOfTheOtherNode() {
        String uuid = uniqueId("live");
        EdcClient.Subscription output = onB.subscribe("/topic/output/" + uuid);
        EdcClient.Subscription results = onB.subscribe("/topic/result/" + uuid);

        accepted(onA.post(
                "/execute-code",
                EdcClient.json(Map.of(
                        "uuid",
                        uuid,
                        "language",
                        "js",
                        "code",
                        "console.log(Date.now()); setTimeout(() => console.log('done'), 2000)"))));

        JsonNode first = output.next(WAIT);
        long arrived = System.currentTimeMillis();
        long printed = Long.parseLong(first.get("data").asString().strip());
        System.out.printf("[live] a line printed reached a client of the other API node in %d ms%n", arrived - printed);
        assertThat(arrived - printed)
                .as("ms from print to a STOMP client of the other node")
                .isLessThan(200);
        assertThat(first.get("seq").asLong()).isZero();
        assertThat(first.get("stream").asString()).isEqualTo("stdout");
        JsonNode second = output.next(WAIT);
        JsonNode result = results.next(WAIT);
        assertThat(second.get("seq").asLong()).isEqualTo(1);
        assertThat(second.get("data").asString()).isEqualTo("done\n");
        assertThat(result.get("stdout").asString()).isEqualTo(first.get("data").asString() + "done\n");
        assertThat(output.pending()).as("the result came after every chunk").isZero();
    }

    @Test
    void shouldSendAFloodAsFewChunksInOrderWithinTheCap() {
        String uuid = uniqueId("flood");
        EdcClient.Subscription output = onB.subscribe("/topic/output/" + uuid);
        EdcClient.Subscription results = onB.subscribe("/topic/result/" + uuid);

        accepted(onA.post(
                "/execute-code",
                EdcClient.json(Map.of(
                        "uuid",
                        uuid,
                        "language",
                        "js",
                        "limits",
                        Map.of("outputKb", 1024),
                        "code",
                        "for (let i = 0; i < 200000; i++) console.log('line ' + i)"))));

        JsonNode result = results.next(WAIT);
        List<JsonNode> chunks = new ArrayList<>();
        for (JsonNode chunk = output.poll(Duration.ZERO); chunk != null; chunk = output.poll(Duration.ZERO)) {
            chunks.add(chunk);
        }
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < chunks.size(); i++) {
            assertThat(chunks.get(i).get("seq").asLong()).as("no gap").isEqualTo(i);
            joined.append(chunks.get(i).get("data").asString());
        }
        System.out.printf("[live] a 1 MiB flood went out as %d messages%n", chunks.size());
        assertThat(result.get("status").asString()).isEqualTo("OUTPUT_LIMIT_EXCEEDED");
        assertThat(chunks.size()).as("messages for 1 MiB").isBetween(1, 300);
        assertThat(joined.toString()).isEqualTo(result.get("stdout").asString());
        assertThat(joined.length()).isLessThanOrEqualTo(1024 * 1024);
    }

    @Test
    void shouldTakeInputOverHttpFromTheOtherNodeForAJavaProgram() {
        String uuid = uniqueId("scanner");
        EdcClient.Subscription output = onB.subscribe("/topic/output/" + uuid);
        EdcClient.Subscription results = onB.subscribe("/topic/result/" + uuid);
        String token = submit(Map.of("uuid", uuid, "language", "java", "interactive", true, "code", """
                        import java.util.Scanner;
                        public class Greeter {
                            public static void main(String[] args) {
                                Scanner in = new Scanner(System.in);
                                System.out.print("Your name? ");
                                System.out.flush();
                                String name = in.nextLine();
                                System.out.println("Hello, " + name + "!");
                                System.out.print("Again? ");
                                System.out.flush();
                                while (in.hasNextLine()) System.out.println("echo " + in.nextLine());
                                System.out.println("bye");
                            }
                        }"""));

        assertThat(output.next(WAIT).get("data").asString()).isEqualTo("Your name? ");
        assertThat(onB.post(
                                "/executions/" + uuid + "/stdin",
                                "Ada\n",
                                "X-Control-Token",
                                token,
                                "Content-Type",
                                "text/plain")
                        .status())
                .isEqualTo(204);
        assertThat(output.next(WAIT).get("data").asString()).startsWith("Hello, Ada!");
        assertThat(onB.post(
                                "/executions/" + uuid + "/stdin?eof=true",
                                "one\ntwo\n",
                                "X-Control-Token",
                                token,
                                "Content-Type",
                                "text/plain")
                        .status())
                .isEqualTo(204);

        JsonNode result = results.next(WAIT);
        assertThat(result.get("status").asString()).isEqualTo("SUCCESS");
        assertThat(result.get("stdout").asString())
                .isEqualTo("Your name? Hello, Ada!\nAgain? echo one\necho two\nbye\n");
    }

    @Test
    void shouldTakeInputOverStompFromTheOtherNodeForAJavaScriptProgram() {
        String uuid = uniqueId("readline");
        EdcClient.Subscription output = onB.subscribe("/topic/output/" + uuid);
        EdcClient.Subscription results = onB.subscribe("/topic/result/" + uuid);
        String token = submit(Map.of("uuid", uuid, "language", "js", "interactive", true, "code", """
                        const rl = require('readline').createInterface({ input: process.stdin });
                        process.stdout.write('> ');
                        rl.on('line', line => process.stdout.write(line.toUpperCase() + '\\n> '));
                        rl.on('close', () => console.log('closed'));"""));

        assertThat(output.next(WAIT).get("data").asString()).isEqualTo("> ");
        onB.send("/app/executions/" + uuid + "/stdin", "first\n", "control-token", token);
        assertThat(output.next(WAIT).get("data").asString()).isEqualTo("FIRST\n> ");
        onB.send("/app/executions/" + uuid + "/stdin", "second\n", "control-token", token);
        onB.send("/app/executions/" + uuid + "/stdin", "", "control-token", token, "eof", "true");

        JsonNode result = results.next(WAIT);
        assertThat(result.get("stdout").asString()).isEqualTo("> FIRST\n> SECOND\n> closed\n");
        assertThat(onB.stompErrors()).isEmpty();
    }

    @Test
    void shouldCancelARunningExecutionWithinASecond() {
        String uuid = uniqueId("cancel-running");
        EdcClient.Subscription status = onB.subscribe("/topic/status/" + uuid);
        EdcClient.Subscription results = onB.subscribe("/topic/result/" + uuid);
        String token = submit(
                Map.of("uuid", uuid, "language", "js", "limits", Map.of("timeMs", 15000), "code", "for (;;) {}"));
        assertThat(status.next(WAIT).get("status").asString()).isEqualTo("RUNNING");

        long asked = System.nanoTime();
        EdcClient.Response cancel = onB.post("/executions/" + uuid + "/cancel", "", "X-Control-Token", token);
        JsonNode result = results.next(WAIT);
        long tookMs = (System.nanoTime() - asked) / 1_000_000;

        System.out.printf("[live] a running execution was cancelled in %d ms%n", tookMs);
        assertThat(cancel.status()).isEqualTo(202);
        assertThat(result.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(tookMs).isLessThan(1000);
        assertThat(onA.get("/executions/" + uuid).json()).isEqualTo(result);
        results.assertNothingMoreWithin(Duration.ofSeconds(1));
    }

    @Test
    void shouldCancelAnExecutionWhileItCompiles() {
        String uuid = uniqueId("cancel-compiling");
        EdcClient.Subscription status = onB.subscribe("/topic/status/" + uuid);
        EdcClient.Subscription results = onB.subscribe("/topic/result/" + uuid);
        String token = submit(Map.of("uuid", uuid, "language", "haskell", "code", "main :: IO ()\nmain = main\n"));
        assertThat(status.next(WAIT).get("status").asString()).isEqualTo("RUNNING");

        // GHC takes seconds: the cancel reaches the compiler, or a program not started yet
        EdcClient.Response cancel = onB.post("/executions/" + uuid + "/cancel", "", "X-Control-Token", token);
        JsonNode result = results.next(WAIT);

        assertThat(cancel.status()).isEqualTo(202);
        assertThat(result.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(onA.get("/executions/" + uuid).json()).isEqualTo(result);
    }

    @Test
    void shouldCancelAQueuedExecutionSoThatItNeverRuns() {
        List<String> busy = List.of(uniqueId("busy"), uniqueId("busy"));
        for (String uuid : busy) {
            accepted(onA.post(
                    "/execute-code",
                    EdcClient.json(Map.of("uuid", uuid, "language", "js", "code", "setTimeout(() => {}, 3000)"))));
        }
        String uuid = uniqueId("cancel-queued");
        EdcClient.Subscription results = onB.subscribe("/topic/result/" + uuid);
        String token = submit(Map.of("uuid", uuid, "language", "js", "code", "console.log('ran')"));

        EdcClient.Response cancel = onB.post("/executions/" + uuid + "/cancel", "", "X-Control-Token", token);

        assertThat(cancel.status()).isEqualTo(200);
        assertThat(cancel.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(results.next(WAIT).get("status").asString()).isEqualTo("CANCELLED");
        await().atMost(WAIT)
                .until(() -> busy.stream()
                        .allMatch(b -> onA.get("/executions/" + b)
                                .json()
                                .get("status")
                                .asString()
                                .equals("SUCCESS")));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> !worker.ran(uuid));
        results.assertNothingMoreWithin(Duration.ZERO);
    }

    @Test
    void shouldRefuseToSteerWithoutTheRightTokenOrOnceFinished() {
        String uuid = uniqueId("steer");
        String interactive = uniqueId("steer-i");
        EdcClient.Subscription results = onB.subscribe("/topic/result/" + interactive);
        String token = submit(Map.of(
                "uuid",
                interactive,
                "language",
                "js",
                "interactive",
                true,
                "code",
                "process.stdin.on('data', () => {})"));
        String plainToken = submit(Map.of("uuid", uuid, "language", "js", "code", "setTimeout(() => {}, 4000)"));
        try (EdcClient beta = new EdcClient(apiB.port(), "key-of-beta")) {
            assertThat(onB.post("/executions/" + interactive + "/stdin", "x", "X-Control-Token", "wrong")
                            .status())
                    .isEqualTo(403);
            assertThat(onB.post("/executions/" + interactive + "/stdin", "x").status())
                    .isEqualTo(403);
            assertThat(onB.post("/executions/" + interactive + "/cancel", "", "X-Control-Token", plainToken)
                            .status())
                    .isEqualTo(403);
            assertThat(beta.post("/executions/" + interactive + "/stdin", "x", "X-Control-Token", token)
                            .status())
                    .as("another key: as if unknown")
                    .isEqualTo(404);
            assertThat(onB.post("/executions/" + uniqueId("unknown") + "/stdin", "x", "X-Control-Token", token)
                            .status())
                    .isEqualTo(404);
            assertThat(onB.post("/executions/" + uuid + "/stdin", "x", "X-Control-Token", plainToken)
                            .status())
                    .as("not interactive")
                    .isEqualTo(409);
            assertThat(onB.post(
                                    "/executions/" + interactive + "/stdin",
                                    "y".repeat(1024 * 1024 + 1),
                                    "X-Control-Token",
                                    token)
                            .status())
                    .isEqualTo(413);
        }
        assertThat(onB.post("/executions/" + interactive + "/stdin?eof=true", "", "X-Control-Token", token)
                        .status())
                .isEqualTo(204);
        assertThat(results.next(WAIT).get("status").asString()).isEqualTo("SUCCESS");
        assertThat(onB.post("/executions/" + interactive + "/stdin", "late", "X-Control-Token", token)
                        .status())
                .isEqualTo(409);
        assertThat(onB.post("/executions/" + interactive + "/cancel", "", "X-Control-Token", token)
                        .status())
                .isEqualTo(409);
        assertThat(onA.get("/executions/" + interactive).body()).doesNotContain(token);
    }

    @Test
    void shouldShowNothingOfAKeysExecutionToAnotherKeyOnAnyNode() {
        String uuid = uniqueId("private");
        try (EdcClient betaOnA = new EdcClient(apiA.port(), "key-of-beta");
                EdcClient betaOnB = new EdcClient(apiB.port(), "key-of-beta")) {
            List<EdcClient.Subscription> spying = new ArrayList<>();
            for (String topic : List.of("result", "status", "output")) {
                spying.add(betaOnB.subscribe("/topic/" + topic + "/" + uuid));
            }
            EdcClient.Subscription alphaStatus = onB.subscribe("/topic/status/" + uuid);
            EdcClient.Subscription alphaResult = onB.subscribe("/topic/result/" + uuid);
            accepted(onA.post(
                    "/execute-code",
                    EdcClient.json(Map.of(
                            "uuid",
                            uuid,
                            "language",
                            "js",
                            "code",
                            "console.log('secret of A'); setTimeout(() => {}, 1500)"))));
            alphaStatus.next(WAIT);
            spying.add(betaOnA.subscribe("/topic/result/" + uuid));
            assertThat(betaOnA.get("/executions/" + uuid).status()).isEqualTo(404);
            alphaResult.next(WAIT);
            spying.add(betaOnB.subscribe("/topic/result/" + uuid));

            assertThat(betaOnA.get("/executions/" + uuid).status()).isEqualTo(404);
            assertThat(betaOnB.get("/executions/" + uuid).status()).isEqualTo(404);
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> spying.stream().allMatch(s -> s.pending() == 0));
        }
    }

    @Test
    void shouldEndAnInteractiveRunWithOneResultWhenItsWorkerIsKilled() {
        String uuid = uniqueId("orphan");
        EdcClient.Subscription status = onB.subscribe("/topic/status/" + uuid);
        EdcClient.Subscription results = onB.subscribe("/topic/result/" + uuid);
        accepted(onA.post(
                "/execute-code",
                EdcClient.json(Map.of(
                        "uuid",
                        uuid,
                        "language",
                        "js",
                        "interactive",
                        true,
                        "code",
                        "process.stdin.on('data', d => process.stdout.write(d))"))));
        assertThat(status.next(WAIT).get("status").asString()).isEqualTo("RUNNING");

        worker.kill();
        try {
            worker.start().awaitReady();
            JsonNode result = results.next(WAIT);

            assertThat(result.get("status").asString()).isEqualTo("INTERNAL_ERROR");
            assertThat(result.get("message").asString()).contains("worker running this interactive execution stopped");
            results.assertNothingMoreWithin(Duration.ofSeconds(2));
        } finally {
            Machine.removeSandboxesOf(uuid);
        }
    }
}
