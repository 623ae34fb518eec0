package dev.edc.queue;

import dev.edc.Roles;
import dev.edc.sandbox.EngineWatch;
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

    JobConsumption(RabbitListenerEndpointRegistry listeners) {
        this.listeners = listeners;
    }

    @EventListener
    void onEngineState(EngineWatch.EngineStateChanged change) {
        MessageListenerContainer jobs = listeners.getListenerContainer("jobs");
        if (jobs == null) {
            return;
        }
        if (change.up() && !jobs.isRunning()) {
            jobs.start();
            log.info("job listeners started again: the Docker engine answers");
        } else if (!change.up() && jobs.isRunning()) {
            // stopping lets the jobs it runs end (their sandboxes fail and go back to wait, not counted)
            Thread.ofVirtual().name("stop-job-listeners").start(() -> {
                jobs.stop();
                log.warn("job listeners stopped: the Docker engine is unreachable");
            });
        }
    }
}
