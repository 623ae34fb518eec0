package dev.edc.delivery;

import static dev.edc.EdcClient.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A runner image deleted under a running worker, on an engine of this test's own ({@link
 * OwnDockerEngine}): untagged with {@code docker rmi -f} while its warm containers still use it,
 * or removed for good with them (a clean-up that removes containers, then {@code docker image
 * prune}). The worker rebuilds it from its runners directory (from the build cache, or anew from
 * the base image), {@code GET /languages} and {@code GET /workers} say the language is being rebuilt meanwhile, the jobs of
 * that language wait in the queue (not failed) and run once it is back, and the warm pool refills
 * from the new image. Prints the times it measured ({@code [image-deleted]}).
 */
class RunnerImageDeletedIT extends OnOwnEngine {

    private static final String HALF_A_SECOND = "setTimeout(() => console.log(%d), 500)";

    @DynamicPropertySource
    static void onItsOwnEngine(DynamicPropertyRegistry registry) {
        OwnDockerEngine.register(registry);
        registry.add("edc.queue.name", () -> OwnDockerEngine.queueOf(RunnerImageDeletedIT.class));
    }

    @Test
    void shouldRebuildAnImageDeletedUnderItsWarmContainersAndRunItsJobs(CapturedOutput output) {
        String before = imageId();
        engine.docker("rmi", "-f", OwnDockerEngine.NODE_IMAGE); // untagged: its warm containers keep its layers
        long deleted = System.nanoTime();

        // more jobs than warm containers: the later ones need the image
        List<Job> jobs = submit(POOL_SIZE + 4, HALF_A_SECOND);
        assertEachGotItsOneResult(jobs);
        Duration allDone = since(deleted);
        Duration refilled = OwnDockerEngine.awaitWarmPool(edc, deleted);
        assertThat(javascriptStatus()).isEqualTo("available");
        assertThat(edc.run(js(uniqueId("after"), "console.log('rebuilt')"))
                        .get("stdout")
                        .asString())
                .isEqualTo("rebuilt\n");
        System.out.printf(
                "[image-deleted] docker rmi -f %s under %d warm containers, %d jobs: all results after %.1f s,"
                        + " warm pool full (%d) after %.1f s; %s%n",
                OwnDockerEngine.NODE_IMAGE,
                POOL_SIZE,
                jobs.size(),
                seconds(allDone),
                POOL_SIZE,
                seconds(refilled),
                imageId().equals(before)
                        ? "rebuilt from the build cache (its layers were still in use)"
                        : "built anew");
        assertThat(output.getOut())
                .contains("runner image " + OwnDockerEngine.NODE_IMAGE + ": missing, rebuilding")
                .doesNotContain("dead-lettered", "could not be rebuilt");
    }

    @Test
    void shouldBuildAnewAnImageDeletedWithItsContainersWhileItsJobsWait(CapturedOutput output) {
        String before = imageId();
        engine.docker("rmi", "-f", OwnDockerEngine.NODE_IMAGE);
        String warm = engine.docker("ps", "-q", "--filter", "label=dev.edc.pool=true");
        engine.docker(Stream.concat(Stream.of("rm", "-f"), warm.lines()).toArray(String[]::new));
        engine.docker("image", "prune", "-f"); // nothing uses it any more: its layers are gone
        long deleted = System.nanoTime();

        List<Job> jobs = submit(4, HALF_A_SECOND);
        await("GET /languages says javascript is being rebuilt")
                .atMost(RESULT_WAIT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> javascriptStatus().equals("rebuilding"));
        Duration noticed = since(deleted);
        // the job that found the image gone was RUNNING for a moment: it is stored QUEUED again
        await("its jobs wait in the queue, none failed")
                .atMost(Duration.ofSeconds(3))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> jobs.stream().allMatch(job -> status(job).equals("QUEUED")));
        assertThat(jobs).allMatch(job -> job.results().pending() == 0, "no result while the image is rebuilt");
        AtomicBoolean workerSaidRebuilding = new AtomicBoolean();
        await("javascript available again")
                .atMost(RESULT_WAIT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (workerRebuildsJavascript()) {
                        workerSaidRebuilding.set(true);
                    }
                    return javascriptStatus().equals("available");
                });
        assertThat(workerSaidRebuilding)
                .as("GET /workers said its worker was rebuilding javascript's image")
                .isTrue();
        await("GET /workers no longer says so")
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !workerRebuildsJavascript());
        Duration rebuilt = since(deleted);
        assertEachGotItsOneResult(jobs);
        Duration allDone = since(deleted);
        Duration refilled = OwnDockerEngine.awaitWarmPool(edc, deleted);

        assertThat(imageId()).as("built anew from the base image").isNotEqualTo(before);
        System.out.printf(
                "[image-deleted] %s and its %d warm containers removed, %d jobs: GET /languages said rebuilding"
                        + " after %.1f s, available again after %.1f s, all results after %.1f s, warm pool full"
                        + " (%d) after %.1f s%n",
                OwnDockerEngine.NODE_IMAGE,
                warm.lines().count(),
                jobs.size(),
                seconds(noticed),
                seconds(rebuilt),
                seconds(allDone),
                POOL_SIZE,
                seconds(refilled));
        assertThat(output.getOut()).doesNotContain("dead-lettered", "could not be rebuilt");
    }

    private String imageId() {
        return engine.docker("image", "inspect", "--format", "{{.Id}}", OwnDockerEngine.NODE_IMAGE)
                .strip();
    }

    private String javascriptStatus() {
        JsonNode languages = edc.get("/languages").json();
        return StreamSupport.stream(languages.spliterator(), false)
                .filter(language -> language.get("language").asString().equals("javascript"))
                .map(language -> language.get("status").asString())
                .findFirst()
                .orElse("absent");
    }

    /** Whether the worker's report in {@code GET /workers} lists javascript as being rebuilt. */
    private boolean workerRebuildsJavascript() {
        JsonNode workers = edc.get("/workers").json();
        return StreamSupport.stream(workers.spliterator(), false)
                .flatMap(worker -> StreamSupport.stream(worker.get("rebuilding").spliterator(), false))
                .anyMatch(language -> language.get("language").asString().equals("javascript"));
    }
}
