package dev.edc.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.edc.sandbox.EngineWatch;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.listener.MessageListenerContainer;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistry;

class JobConsumptionTest {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final CountDownLatch jobsEnded = new CountDownLatch(1);
    private final MessageListenerContainer jobs = mock(MessageListenerContainer.class);
    private final JobConsumption consumption;

    JobConsumptionTest() throws Exception {
        when(jobs.isRunning()).thenAnswer(call -> running.get());
        doAnswer(call -> {
                    running.set(true);
                    return null;
                })
                .when(jobs)
                .start();
        doAnswer(
                        call -> { // still running while it waits for the jobs it runs, as a container does
                            stopping.countDown();
                            assertThat(jobsEnded.await(10, TimeUnit.SECONDS)).isTrue();
                            running.set(false);
                            return null;
                        })
                .when(jobs)
                .stop();
        RabbitListenerEndpointRegistry registry = mock(RabbitListenerEndpointRegistry.class);
        when(registry.getListenerContainer("jobs")).thenReturn(jobs);
        consumption = new JobConsumption(registry);
    }

    @Test
    void shouldStopWhenTheEngineIsGoneAndStartWhenItIsBack() throws Exception {
        consumption.onEngineState(new EngineWatch.EngineStateChanged(false, "gone"));
        assertThat(stopping.await(5, TimeUnit.SECONDS)).isTrue();
        jobsEnded.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> !running.get());

        consumption.onEngineState(new EngineWatch.EngineStateChanged(true, null));
        await().atMost(Duration.ofSeconds(5)).until(running::get);
        consumption.close();
    }

    @Test
    void shouldStartAgainWhenTheEngineCameBackWhileTheListenersWereStillStopping() throws Exception {
        consumption.onEngineState(new EngineWatch.EngineStateChanged(false, "gone"));
        assertThat(stopping.await(5, TimeUnit.SECONDS)).isTrue();
        // back while the stop still waits for the running jobs: the listeners read as running
        consumption.onEngineState(new EngineWatch.EngineStateChanged(true, null));
        jobsEnded.countDown();

        await("consuming again once stopped").atMost(Duration.ofSeconds(5)).until(running::get);
        consumption.close();
    }
}
