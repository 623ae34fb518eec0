package dev.edc;

import static dev.edc.EdcClient.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.edc.execution.LanguageAvailability;
import dev.edc.language.LanguageRegistry;
import dev.edc.language.LanguageVersion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What operators and browsers rely on: readiness, metrics, request bounds, CORS. */
class OperationsIT extends IntegrationTest {

    @Autowired
    LanguageRegistry languages;

    @Autowired
    LanguageAvailability availability;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldBeReadyOnlyWithRabbitRedisAndDocker() {
        EdcClient.Response readiness = edc.get("/actuator/health/readiness");

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
        assertThat(readiness.json().get("components").propertyNames()).contains("rabbit", "redis", "docker");
    }

    @Test
    void shouldExposeExecutionMetricsForPrometheus() {
        edc.run(Map.of("uuid", uniqueId("metrics"), "language", "js", "code", "console.log('m')"));

        String metrics = edc.get("/actuator/prometheus").body();

        assertThat(metrics)
                .contains(
                        "edc_executions_total{language=\"javascript\",status=\"SUCCESS\",version=\"20\"}",
                        "edc_queue_wait_seconds_bucket",
                        "edc_run_time_seconds_bucket",
                        "edc_compile_time_seconds_count",
                        "edc_pool_containers",
                        "edc_workers ",
                        "edc_queue_depth ",
                        "edc_queue_consumers ",
                        "edc_queue_dead_letters ");
    }

    @Test
    void shouldReportThePoolsMeasuredMemoryUnderItsBudget() {
        int floors =
                languages.all().stream().mapToInt(LanguageVersion::poolSize).sum();
        // The pool fills (or refills after other tests' jobs) in the background, to its target: the
        // floors, and more for what other tests' jobs asked for; a container counts as its limit
        // until its init, once ready, has measured what it uses.
        await("the warm pool full and measured")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    String metrics = edc.get("/actuator/prometheus").body();
                    double target = gauge(metrics, "edc_pool_target");
                    return target >= floors
                            && gauge(metrics, "edc_pool_containers") == target
                            && gauge(metrics, "edc_pool_memory_bytes")
                                    < gauge(metrics, "edc_pool_memory_limit_bytes") / 2;
                });
        String metrics = edc.get("/actuator/prometheus").body();

        // An idle runner uses a fraction of its limit: what the budget counts is measured, not assumed.
        assertThat(gauge(metrics, "edc_pool_memory_bytes"))
                .as("measured memory of the idle pool")
                .isPositive()
                .isLessThanOrEqualTo(2L * 1024 * 1024 * 1024);
    }

    private static double gauge(String metrics, String name) {
        return metrics.lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(0);
    }

    @Test
    void shouldListThisWorkerWithItsLanguagesAndWarmPool() throws Exception {
        String id = java.net.InetAddress.getLocalHost().getHostName() + "-"
                + ProcessHandle.current().pid();

        // the pool fills in the background: the worker reports a change of its size within a second
        tools.jackson.databind.JsonNode worker = await("this worker in GET /workers with its pool as measured")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> edc.get("/workers")
                                .json()
                                .valueStream()
                                .filter(w -> w.get("id").asString().equals(id))
                                .findFirst()
                                .orElse(null),
                        w -> w != null
                                && w.get("pool").asInt()
                                        == (int) gauge(
                                                edc.get("/actuator/prometheus").body(), "edc_pool_containers")
                                && w.get("pool").asInt() > 0);

        assertThat(worker.get("languages").size())
                .as("the language versions whose runner image this worker has")
                .isEqualTo((int) languages.all().stream()
                        .filter(language -> availability.problem(language).isEmpty())
                        .count());
        assertThat(worker.get("busy").asInt())
                .isBetween(0, worker.get("concurrency").asInt());
    }

    @Test
    void shouldRefuseABodyAboveTheRequestSizeLimit() {
        EdcClient.Response response = edc.post("/execute-code", "{\"code\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}");

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("at most 2097152 bytes");
    }

    @Test
    void shouldAllowAWebIdeOnAnotherOriginToSubmit() throws Exception {
        HttpResponse<Void> preflight = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/execute-code"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "https://ide.example.org")
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "content-type")
                        .build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("https://ide.example.org");
    }
}
