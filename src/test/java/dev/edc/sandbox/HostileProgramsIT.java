package dev.edc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.edc.EdcClient;
import dev.edc.IntegrationTest;
import dev.edc.language.LanguageRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile programs against the real sandbox (Docker, RabbitMQ, Redis, over HTTP and STOMP). Each case
 * of {@code hostile/cases.json} runs its fixture and gets its exact verdict checked; then a normal job
 * in the same runtime must succeed promptly. A new case is a fixture and a manifest entry. The suite
 * runs under the engine's default runtime and, with {@code -Pgvisor}, under gVisor
 * ({@code edc.sandbox.runtime=runsc}): a case that truly differs there says how, and why, in its
 * {@code "runsc"} entry.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileProgramsIT extends IntegrationTest {

    private static final String RUN = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
    private static final AtomicInteger CASES = new AtomicInteger();
    private static final Duration PROMPTLY = Duration.ofSeconds(15);
    private static final Duration REMOVAL = Duration.ofSeconds(15);

    @Autowired
    LanguageRegistry languages;

    @Autowired
    DockerClient docker;

    @Value("${edc.sandbox.runtime:}")
    String runtime;

    /** Only the cases whose name contains this ({@code -Dhostile.only=bomb}), to repeat a few of them. */
    @Value("${hostile.only:}")
    String only;

    @TestFactory
    @Order(1)
    Stream<DynamicTest> shouldGiveEveryHostileProgramItsExactVerdictAndKeepServing() {
        JsonNode manifest = EdcClient.JSON_MAPPER.readTree(fixture("cases.json"));
        JsonNode normal = manifest.get("normal");
        return manifest.get("cases")
                .valueStream()
                .filter(c -> c.get("name").asString().contains(only))
                .map(this::underThisRuntime)
                .map(c -> DynamicTest.dynamicTest(displayName(c), () -> {
                    assumeFalse(
                            c.path("skip").asBoolean(false),
                            () -> "not run under " + runtime + ": "
                                    + c.path("why").asString(""));
                    JsonNode result = edc.run(request(c));
                    Expectations.check(c.get("expect"), result, outputCap(c), describe(c, result));
                    assertNormalJobSucceedsPromptly(
                            c, normal.get(c.get("language").asString()).asString());
                }));
    }

    @TestFactory
    @Order(2)
    Stream<DynamicTest> shouldNotLetOneJobStarveAnotherThroughPerUidLimits() {
        JsonNode manifest = EdcClient.JSON_MAPPER.readTree(fixture("cases.json"));
        return manifest.get("holders")
                .valueStream()
                .map(pair -> DynamicTest.dynamicTest(pair.get("name").asString(), () -> {
                    // under gVisor on a loaded machine the prober's sandbox and run took past 6 s
                    int holdSeconds = "runsc".equals(runtime) ? 15 : 6;
                    String holder = RUN + "-" + CASES.incrementAndGet() + "-holder";
                    EdcClient.Subscription holding = edc.subscribe("/topic/output/" + holder);
                    EdcClient.Subscription held = edc.subscribe("/topic/result/" + holder);
                    EdcClient.Response accepted = edc.post(
                            "/execute-code",
                            EdcClient.json(Map.of(
                                    "uuid",
                                    holder,
                                    "language",
                                    "python",
                                    "code",
                                    fixture(pair.get("holder").asString()),
                                    "args",
                                    List.of(String.valueOf(holdSeconds)),
                                    "limits",
                                    Map.of("timeMs", (holdSeconds + 4) * 1000))));
                    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
                    JsonNode line = holding.next(Duration.ofSeconds(30));
                    assertThat(line.get("data").asString())
                            .startsWith(pair.get("holding").asString());

                    JsonNode probe = edc.run(Map.of(
                            "uuid",
                            RUN + "-" + CASES.incrementAndGet() + "-prober",
                            "language",
                            "python",
                            "code",
                            fixture(pair.get("prober").asString())));
                    JsonNode holderResult = held.next(Duration.ofSeconds(30));

                    assertThat(probe.get("stdout").asString())
                            .as("the prober while another job holds its resource: %s", probe)
                            .isEqualTo(pair.get("probed").asString());
                    assertThat(holderResult.get("status").asString())
                            .as("the holder held until after the probe: %s", holderResult)
                            .isEqualTo("SUCCESS");
                    assertThat(Instant.parse(probe.get("finishedAt").asString()))
                            .as("the prober finished while the holder held: %s", probe)
                            .isBefore(
                                    Instant.parse(holderResult.get("finishedAt").asString()));
                }));
    }

    @Test
    @Order(3)
    void shouldLeaveNoSandboxContainerBehind() {
        await().atMost(REMOVAL)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(leftovers())
                        .as("containers labelled %s=true left by this run", SandboxLabels.SANDBOX)
                        .isEmpty());
    }

    /**
     * The case as it runs under this suite's runtime: a case's {@code "<runtime>"} entry replaces
     * its fields (its {@code expect} key by key, null removing one), and must say why; with
     * {@code "skip": true} the case is reported skipped there, its reason given.
     */
    private JsonNode underThisRuntime(JsonNode c) {
        JsonNode differences = c.path(runtime);
        if (runtime.isBlank() || differences.isMissingNode()) {
            return c;
        }
        assertThat(differences.path("why").asString(""))
                .as("%s: the %s entry says why it differs", c.get("name").asString(), runtime)
                .isNotBlank();
        ObjectNode under = (ObjectNode) c.deepCopy();
        ObjectNode expect = (ObjectNode) c.get("expect").deepCopy();
        differences.properties().forEach(field -> {
            if (field.getKey().equals("expect")) {
                field.getValue().properties().forEach(e -> {
                    if (e.getValue().isNull()) {
                        expect.remove(e.getKey());
                    } else {
                        expect.set(e.getKey(), e.getValue());
                    }
                });
            } else {
                under.set(field.getKey(), field.getValue());
            }
        });
        under.set("expect", expect);
        under.put("name", c.get("name").asString() + " [as under " + runtime + "]");
        return under;
    }

    private Map<String, Object> request(JsonNode c) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("uuid", RUN + "-" + CASES.incrementAndGet());
        request.put("language", c.get("language").asString());
        if (c.has("version")) {
            request.put("version", c.get("version").asString());
        }
        request.put(
                "code",
                c.has("source")
                        ? Expectations.text(c.get("source"))
                        : fixture(c.get("file").asString()));
        if (c.has("limits")) {
            request.put("limits", EdcClient.JSON_MAPPER.treeToValue(c.get("limits"), Map.class));
        }
        if (c.has("stdin")) {
            request.put("stdin", Expectations.text(c.get("stdin")));
        }
        if (c.has("args")) {
            request.put("args", args(c.get("args")));
        }
        return request;
    }

    private static List<String> args(JsonNode args) {
        if (args.isObject()) {
            String each = Expectations.text(args.get("each"));
            return IntStream.range(0, args.get("count").asInt())
                    .mapToObj(i -> each)
                    .toList();
        }
        return args.valueStream().map(Expectations::text).toList();
    }

    private void assertNormalJobSucceedsPromptly(JsonNode c, String code) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("uuid", RUN + "-" + CASES.incrementAndGet() + "-next");
        request.put("language", c.get("language").asString());
        if (c.has("version")) {
            request.put("version", c.get("version").asString());
        }
        request.put("code", code);
        long start = System.nanoTime();
        JsonNode next = edc.run(request);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(next.get("status").asString())
                .as("the normal job after %s: %s", c.get("name").asString(), next)
                .isEqualTo("SUCCESS");
        assertThat(next.get("stdout").asString()).isEqualTo("still serving\n");
        assertThat(took).as("the normal job's turnaround").isLessThan(PROMPTLY);
    }

    private long outputCap(JsonNode c) {
        JsonNode outputKb = c.path("limits").path("outputKb");
        if (!outputKb.isMissingNode()) {
            return outputKb.asLong() * 1024;
        }
        String version = c.has("version") ? c.get("version").asString() : null;
        return languages
                .require(c.get("language").asString(), version)
                .limits()
                .output()
                .toBytes();
    }

    /** Sandbox containers of this run's executions still on the engine (other runs may share it). */
    private List<String> leftovers() {
        List<Container> sandboxes = docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(SandboxLabels.SANDBOX, "true"))
                .exec();
        List<String> mine = new ArrayList<>();
        for (Container container : sandboxes) {
            String execution = container.getLabels().getOrDefault(SandboxLabels.EXECUTION, "");
            if (execution.startsWith(RUN)) {
                mine.add(execution + " (" + container.getStatus() + ")");
            }
        }
        return mine;
    }

    private static String displayName(JsonNode c) {
        String runtime = c.get("language").asString()
                + (c.has("version") ? " " + c.get("version").asString() : "");
        return runtime + ": " + c.get("name").asString() + " → "
                + c.get("expect").get("status").asString();
    }

    private static String describe(JsonNode c, JsonNode result) {
        return c.path("file").asString(c.get("name").asString()) + " gave "
                + Stream.of("status", "exitCode", "signal", "outputTruncated", "timeMs", "memoryKb")
                        .map(field -> field + "=" + result.get(field))
                        .collect(Collectors.joining(", "))
                + ", stdout=" + abbreviate(result.get("stdout").asString()) + ", stderr="
                + abbreviate(result.get("stderr").asString()) + ", compileOutput="
                + abbreviate(result.path("compileOutput").asString(""));
    }

    private static String abbreviate(String text) {
        // the head and the tail: EDC's own last line (a compiler stopped, out of memory) is at the end
        return text.length() <= 300
                ? "\"" + text + "\""
                : "\"" + text.substring(0, 200) + "\" ... \"" + text.substring(text.length() - 100) + "\" ("
                        + text.length() + " chars)";
    }

    private static String fixture(String file) {
        try (InputStream in = HostileProgramsIT.class.getResourceAsStream("/hostile/" + file)) {
            assertThat(in).as("fixture hostile/%s", file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The manifest's {@code expect} object, checked against a result. */
    private static final class Expectations {

        static void check(JsonNode expect, JsonNode result, long outputCap, String context) {
            assertThat(result.get("status").asString())
                    .as(context)
                    .isEqualTo(expect.get("status").asString());
            if (expect.has("exitCode")) {
                assertThat(result.get("exitCode").asInt())
                        .as("exitCode: " + context)
                        .isEqualTo(expect.get("exitCode").asInt());
            }
            if (expect.has("signal")) {
                assertThat(
                                result.get("signal").isNull()
                                        ? null
                                        : result.get("signal").asString())
                        .as("signal: " + context)
                        .isEqualTo(
                                expect.get("signal").isNull()
                                        ? null
                                        : expect.get("signal").asString());
            }
            if (expect.has("outputTruncated")) {
                assertThat(result.get("outputTruncated").asBoolean())
                        .as("outputTruncated: " + context)
                        .isEqualTo(expect.get("outputTruncated").asBoolean());
            }
            checkText("stdout", expect, result.get("stdout").asString(), context);
            checkText("stderr", expect, result.get("stderr").asString(), context);
            checkText("compileOutput", expect, result.get("compileOutput").asString(), context);
            if (expect.has("compileOutputMaxBytes")) {
                assertThat(bytes(result.get("compileOutput").asString()))
                        .as("compileOutput bytes within its cap: " + context)
                        .isLessThanOrEqualTo(expect.get("compileOutputMaxBytes").asLong());
            }
            boolean ran = !result.get("status").asString().equals("COMPILATION_ERROR");
            JsonNode timeMs = expect.path("timeMs");
            assertThat(result.get("timeMs").isNumber())
                    .as("timeMs filled in when the program ran, and only then: " + context)
                    .isEqualTo(ran);
            assertThat(result.get("timeMs").asLong(0))
                    .as("timeMs: " + context)
                    .isBetween(timeMs.path("min").asLong(0), timeMs.path("max").asLong(Long.MAX_VALUE));
            assertThat(result.get("memoryKb").isNumber())
                    .as("memoryKb filled in: " + context)
                    .isTrue();
            assertThat(result.get("memoryKb").asLong())
                    .as("memoryKb: " + context)
                    .isPositive()
                    .isGreaterThanOrEqualTo(expect.path("memoryKb").path("min").asLong(0));
            long outputBytes = bytes(result.get("stdout").asString())
                    + bytes(result.get("stderr").asString());
            assertThat(outputBytes)
                    .as("stdout+stderr bytes within the cap: " + context)
                    .isLessThanOrEqualTo(outputCap);
        }

        private static void checkText(String stream, JsonNode expect, String actual, String context) {
            String as = stream + ": " + context;
            if (expect.has(stream)) {
                assertThat(actual).as(as).isEqualTo(text(expect.get(stream)));
            }
            expect.path(stream + "Contains")
                    .valueStream()
                    .forEach(part -> assertThat(actual).as(as).contains(text(part)));
            expect.path(stream + "Excludes")
                    .valueStream()
                    .forEach(part -> assertThat(actual).as(as).doesNotContain(text(part)));
            if (expect.has(stream + "Matches")) {
                assertThat(actual).as(as).matches(expect.get(stream + "Matches").asString());
            }
        }

        /** A manifest text: a string, {@code {"repeat": text, "times": n}}, or a list of texts joined. */
        static String text(JsonNode spec) {
            if (spec.isString()) {
                return spec.asString();
            }
            if (spec.isArray()) {
                return spec.valueStream().map(Expectations::text).collect(Collectors.joining());
            }
            return text(spec.get("repeat")).repeat(spec.get("times").asInt());
        }

        private static long bytes(String text) {
            return text.getBytes(StandardCharsets.UTF_8).length;
        }
    }
}
