package dev.edc.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.edc.EdcClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

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
class EngineRestartIT extends OnOwnEngine {

    private static final Duration RECOVERY_WAIT = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void onItsOwnEngine(DynamicPropertyRegistry registry) {
        OwnDockerEngine.register(registry);
        registry.add("edc.queue.name", () -> OwnDockerEngine.queueOf(EngineRestartIT.class));
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
}
