package dev.edc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.util.unit.DataSize;

/** The pool's own logic (budget, demand, refills yielding to jobs), with the Docker engine left out. */
class WarmPoolTest {

    private static final long MB = 1024 * 1024;
    private static final long IDLE_MEMORY = 20 * MB; // what each fake container's init reports when ready
    private static final SandboxSpec NODE =
            new SandboxSpec("edc-runner/node:20", List.of("node", "/opt/edc/edc-node.js"), 128 * MB, 128);

    private final SandboxContainers containers = mock(SandboxContainers.class);
    private final AtomicInteger started = new AtomicInteger();
    private final SandboxLoad load = new SandboxLoad(2);
    private WarmPool pool;

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void shouldFillToThePoolSizeCountingTheMemoryInitsMeasured() {
        pool = pool(DataSize.ofMegabytes(1024));

        pool.open();

        await().atMost(Duration.ofSeconds(10)).until(() -> pool.size().containers() == 10);
        assertThat(pool.size().memoryBytes()).isEqualTo(10 * IDLE_MEMORY);
        assertThat(pool.size().memoryLimitBytes())
                .as("limits alone would not fit the budget")
                .isEqualTo(10 * 128 * MB);
    }

    @Test
    void shouldStopFillingAtTheMemoryBudget() {
        pool = pool(DataSize.ofMegabytes(150));

        pool.open();

        // 7 × 20 MB fit in 150 MB, 8 do not: the filler stops at 7 and stays there
        await().atMost(Duration.ofSeconds(10)).until(() -> pool.size().containers() == 7);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> started.get() == 7);
        assertThat(pool.size().memoryBytes()).isLessThanOrEqualTo(150 * MB);
    }

    @Test
    void shouldStartTheNextContainerOnlyOnceThePreviousHasWarmedUp() {
        List<RunRecorder> warming = new CopyOnWriteArrayList<>();
        pool = pool(DataSize.ofMegabytes(1024));
        doAnswer(call -> {
                    started.incrementAndGet();
                    RunRecorder recorder = new RunRecorder("c");
                    warming.add(recorder);
                    return container(call.getArgument(0), recorder);
                })
                .when(containers)
                .start(any(), anyString(), any(), eq(true));

        pool.open();

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> started.get() == 1);
        warming.getFirst().frame(InitFrame.header("ready 0 memory=" + IDLE_MEMORY));
        await().atMost(Duration.ofSeconds(2)).until(() -> started.get() == 2);
    }

    @Test
    void shouldRefillOnlyOnceNoJobIsInProgress() {
        pool = pool(DataSize.ofMegabytes(1024));
        pool.open();
        await().atMost(Duration.ofSeconds(10)).until(() -> pool.size().containers() == 10);
        int before = started.get();

        load.started();
        load.started(); // every slot busy: a burst
        for (int i = 0; i < 3; i++) {
            assertThat(pool.take(NODE)).isPresent();
        }
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> pool.size().containers() == 7 && started.get() == before);

        load.finished();
        load.finished();

        await().atMost(Duration.ofSeconds(10)).until(() -> pool.size().containers() == 10);
        assertThat(started.get()).isEqualTo(before + 3);
    }

    @Test
    void shouldGrowToTheBurstItSawThenRefillThatMany() {
        pool = pool(DataSize.ofMegabytes(1024));
        pool.open();
        await().atMost(Duration.ofSeconds(10)).until(() -> pool.size().containers() == 10);

        load.started();
        load.started(); // a burst of 25: the first 10 find warm containers, the other 15 none
        long served = java.util.stream.IntStream.range(0, 25)
                .filter(i -> pool.take(NODE).isPresent())
                .count();
        load.finished();
        load.finished();

        assertThat(served).isEqualTo(10);
        assertThat(pool.target()).isEqualTo(25);
        await().atMost(Duration.ofSeconds(10)).until(() -> pool.size().containers() == 25);
    }

    @Test
    void shouldKeepNoneOfASpecNoJobAskedFor() {
        pool = pool(DataSize.ofMegabytes(1024));
        SandboxSpec python = new SandboxSpec("edc-runner/python:3.13", List.of(), 256 * MB, 32);
        pool.keep(python, 0);
        pool.open();
        await().atMost(Duration.ofSeconds(10)).until(() -> pool.size().containers() == 10);
        assertThat(pool.take(python)).as("nothing kept before its first job").isEmpty();

        await().atMost(Duration.ofSeconds(10)).until(() -> pool.size().containers() == 11);
        assertThat(pool.take(python)).as("its first job taught the pool").isPresent();
    }

    @Test
    void shouldStopGrowingAtTheLargestSizeOfAKind() {
        pool = pool(DataSize.ofMegabytes(4096), 12);
        pool.open();

        for (int i = 0; i < 30; i++) {
            pool.take(NODE);
        }

        assertThat(pool.target()).isEqualTo(12);
        await().atMost(Duration.ofSeconds(10)).until(() -> pool.size().containers() == 12);
        await().during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(2))
                .until(() -> pool.size().containers() == 12);
    }

    @Test
    void shouldServeOnlyTheSpecAContainerWasMadeTo() {
        pool = pool(DataSize.ofMegabytes(1024));
        pool.open();
        await().atMost(Duration.ofSeconds(10)).until(() -> pool.size().containers() == 10);

        assertThat(pool.take(new SandboxSpec(NODE.image(), NODE.warmRunner(), 256 * MB, 128)))
                .as("other memory")
                .isEmpty();
        assertThat(pool.take(NODE.withoutWarmRunner())).as("no warm runner").isEmpty();
        assertThat(pool.take(NODE)).isPresent();
    }

    private WarmPool pool(DataSize budget) {
        return pool(budget, 40);
    }

    private WarmPool pool(DataSize budget, int maxSize) {
        when(containers.start(any(), anyString(), any(), eq(true))).thenAnswer(call -> {
            started.incrementAndGet();
            return readyContainer(call.getArgument(0));
        });
        WarmPool warm = new WarmPool(
                containers,
                new PoolProperties(
                        true,
                        Duration.ofMinutes(30),
                        Duration.ofMinutes(10),
                        Duration.ofSeconds(10),
                        maxSize,
                        budget,
                        Duration.ofSeconds(15),
                        true),
                load,
                mock(TaskScheduler.class),
                mock(RunnerImages.class));
        warm.keep(NODE, 10);
        return warm;
    }

    /** A container whose init said it is ready, using IDLE_MEMORY. */
    private static LiveContainer readyContainer(SandboxSpec spec) {
        RunRecorder recorder = new RunRecorder("c");
        recorder.frame(InitFrame.header("ready 0 memory=" + IDLE_MEMORY));
        return container(spec, recorder);
    }

    private static LiveContainer container(SandboxSpec spec, RunRecorder recorder) {
        return new LiveContainer(
                "c" + System.nanoTime(),
                spec,
                new ContainerInput(),
                recorder,
                new InitStream("c", frame -> {}, () -> {}),
                Instant.now(),
                null);
    }
}
