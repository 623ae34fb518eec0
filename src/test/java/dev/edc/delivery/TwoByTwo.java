package dev.edc.delivery;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The README's scale-out layout on one machine: two API processes and two worker processes (the
 * {@code api} and {@code worker} profiles, ports 18090–18093) on the broker and store the tests'
 * environment names, with their own job queue so that no other test's worker takes their jobs.
 */
final class TwoByTwo implements AutoCloseable {

    final EdcProcess apiA;
    final EdcProcess apiB;
    final EdcProcess worker1;
    final EdcProcess worker2;

    TwoByTwo(String queue, boolean warmPool) {
        Map<String, String> environment = Map.of(
                "EDC_QUEUE_NAME", queue, "EDC_POOL_ENABLED", Boolean.toString(warmPool), "EDC_WORKER_CONCURRENCY", "2");
        apiA = EdcProcess.api("api-a", 18090, environment);
        apiB = EdcProcess.api("api-b", 18091, environment);
        worker1 = EdcProcess.worker("worker-1", 18092, environment);
        worker2 = EdcProcess.worker("worker-2", 18093, environment);
    }

    /** Starts all four at once and waits until each is ready. */
    TwoByTwo start() {
        all().forEach(EdcProcess::start);
        all().forEach(EdcProcess::awaitReady);
        return this;
    }

    List<EdcProcess> workers() {
        return List.of(worker1, worker2);
    }

    EdcProcess otherWorker(EdcProcess worker) {
        return worker == worker1 ? worker2 : worker1;
    }

    /** The worker whose log says it took the execution, waiting for it up to the timeout. */
    EdcProcess awaitWorkerRunning(String uuid, Duration timeout) {
        return await("a worker taking " + uuid)
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> workers().stream()
                                .filter(worker -> worker.ran(uuid))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private List<EdcProcess> all() {
        return List.of(apiA, apiB, worker1, worker2);
    }

    @Override
    public void close() {
        all().forEach(EdcProcess::close);
    }
}
