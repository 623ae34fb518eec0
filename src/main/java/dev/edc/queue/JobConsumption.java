package dev.edc.queue;

import dev.edc.Roles;
import dev.edc.sandbox.EngineWatch;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.listener.MessageListenerContainer;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistry;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A worker takes jobs only while its Docker engine answers: it stops consuming when the engine is
 * gone (the jobs wait in the queue, or go to other workers) and starts again when it is back.
 */
@Component
@Profile(Roles.WORKER)
class JobConsumption {

    private static final Logger log = LoggerFactory.getLogger(JobConsumption.class);

    private final RabbitListenerEndpointRegistry listeners;
    /**
     * Starts and stops the listeners one at a time, off the thread that noticed the change (a job
     * listener's own, which a stop would wait for). Each turn acts on the latest state: an engine
     * back while the listeners were still stopping (stopping waits for the running jobs) starts
     * them again once stopped, instead of leaving them stopped for good.
     */
    private final ExecutorService steering = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("job-listeners").factory());

    private volatile boolean engineUp = true;

    JobConsumption(RabbitListenerEndpointRegistry listeners) {
        this.listeners = listeners;
    }

    @EventListener
    void onEngineState(EngineWatch.EngineStateChanged change) {
        engineUp = change.up();
        steering.execute(this::follow);
    }

    /** Brings the job listeners in line with the engine's latest state. */
    private void follow() {
        MessageListenerContainer jobs = listeners.getListenerContainer("jobs");
        if (jobs == null) {
            return;
        }
        if (!engineUp && jobs.isRunning()) {
            // stopping lets the jobs it runs end (their sandboxes fail and go back to wait, not counted)
            jobs.stop();
            log.warn("job listeners stopped: the Docker engine is unreachable");
        }
        if (engineUp && !jobs.isRunning()) {
            jobs.start();
            log.info("job listeners started again: the Docker engine answers");
        }
    }

    @PreDestroy
    void close() {
        steering.shutdownNow();
    }
}
