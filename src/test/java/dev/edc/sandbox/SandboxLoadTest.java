package dev.edc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SandboxLoadTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    @Test
    void shouldLetBackgroundWorkWaitForAQuietMomentAfterAJob() throws Exception {
        SandboxLoad load = new SandboxLoad(2);
        load.started();
        load.finished();
        long ended = System.nanoTime();

        load.awaitRoom(LONG, LONG);

        assertThat(Duration.ofNanos(System.nanoTime() - ended)).isGreaterThanOrEqualTo(SandboxLoad.QUIET);
    }

    @Test
    void shouldKeepWaitingWhileTheNextJobOfASeriesArrivesWithinTheQuietTime() throws Exception {
        SandboxLoad load = new SandboxLoad(2);
        load.started();
        load.finished();
        CompletableFuture<Void> background = CompletableFuture.runAsync(() -> {
            try {
                load.awaitRoom(LONG, LONG);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        load.started(); // the next job of the series, before the quiet time is over

        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !background.isDone());
        load.finished();
        background.get(5, TimeUnit.SECONDS);
    }
}
