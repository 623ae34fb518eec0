package dev.edc.sandbox;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.edc.language.LanguageRegistry;
import dev.edc.language.LanguageVersion;
import dev.edc.queue.WorkerProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The pool's own logic (budget, refills yielding to jobs), with the Docker engine left out. */
class WarmPoolTest {

    private static final long MB = 1024 * 1024;
    private static final long IDLE_MEMORY = 20 * MB; // what each fake runner reports when ready

    private static final LanguageVersion NODE = new LanguageVersion("javascript", "20", List.of(), true, "Node.js",
            new LanguageVersion.Runner("edc-runner/node:20", "node/Dockerfile", Map.of(), List.of(), 128, 10),
            new LanguageVersion.DefaultLimits(5000, 128, 64));

    private final SandboxContainers containers = mock(SandboxContainers.class);
    private final AtomicInteger started = new AtomicInteger();
    private final SandboxLoad load = new SandboxLoad(new WorkerProperties(2, Duration.ofSeconds(45), Duration.ofSeconds(2)));
    private WarmPool pool;

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void shouldFillToThePoolSizeCountingTheMemoryRunnersMeasured() throws InterruptedException {
        pool = pool(DataSize.ofMegabytes(1024));

        pool.open();

        WarmPool.PoolSize size = settledSize();
        assertThat(size.containers()).isEqualTo(10);
        assertThat(size.memoryBytes()).isEqualTo(10 * IDLE_MEMORY);
        assertThat(size.memoryLimitBytes()).as("limits alone would not fit the budget").isEqualTo(10 * 128 * MB);
    }

    @Test
    void shouldStopFillingAtTheMemoryBudget() throws InterruptedException {
        pool = pool(DataSize.ofMegabytes(150));

        pool.open();

        WarmPool.PoolSize size = settledSize();
        assertThat(size.containers()).isEqualTo(7); // 7 × 20 MB fit in 150 MB, 8 do not
        assertThat(size.memoryBytes()).isLessThanOrEqualTo(150 * MB);
    }

    @Test
    void shouldRefillOnlyOnceNoJobIsInProgress() throws InterruptedException {
        pool = pool(DataSize.ofMegabytes(1024));
        pool.open();
        settledSize();
        int before = started.get();

        load.started();
        load.started(); // every slot busy: a burst
        for (int i = 0; i < 3; i++) {
            assertThat(pool.take(WarmPool.keyOf(NODE))).isPresent();
        }
        Thread.sleep(500);
        assertThat(pool.size().containers()).as("no refill during the burst").isEqualTo(7);
        assertThat(started.get()).isEqualTo(before);

        load.finished();
        load.finished();

        assertThat(settledSize().containers()).as("refilled after it").isEqualTo(10);
        assertThat(started.get()).isEqualTo(before + 3);
    }

    private WarmPool pool(DataSize budget) {
        LanguageRegistry languages = mock(LanguageRegistry.class);
        when(languages.all()).thenReturn(List.of(NODE));
        when(containers.start(any(), anyString(), any(), eq(true))).thenAnswer(call -> {
            started.incrementAndGet();
            return readyContainer(call.getArgument(0));
        });
        return new WarmPool(containers, new PoolProperties(true, Duration.ofMinutes(30), Duration.ofMinutes(10), budget), languages, load);
    }

    /** A container whose runner said it is ready, using IDLE_MEMORY. */
    private static LiveContainer readyContainer(PoolKey key) {
        OutputCollector output = new OutputCollector("t", collector -> { });
        output.onNext(new Frame(StreamType.STDERR, ("\0EDC-READY " + IDLE_MEMORY + "\n").getBytes(StandardCharsets.US_ASCII)));
        return new LiveContainer("c" + System.nanoTime(), key, new PayloadStream(new byte[0]), output, Instant.now());
    }

    /** The pool's size once the filler has stopped adding containers. */
    private WarmPool.PoolSize settledSize() throws InterruptedException {
        int last = -1;
        for (int stable = 0; stable < 5; ) {
            Thread.sleep(100);
            int now = pool.size().containers();
            stable = now == last ? stable + 1 : 0;
            last = now;
        }
        return pool.size();
    }
}
