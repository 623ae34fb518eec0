package dev.edc.sandbox;

import com.github.dockerjava.api.DockerClient;
import dev.edc.Roles;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Whether the worker's Docker engine answers, asked every two seconds: a worker whose engine is
 * gone must stop taking jobs, and take them again once it answers. Each change is published as an
 * {@link EngineStateChanged} event.
 */
@Component
@Profile(Roles.WORKER)
public class EngineWatch implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(EngineWatch.class);
    private static final Duration INTERVAL = Duration.ofSeconds(2);

    private final DockerClient docker;
    private final TaskScheduler scheduler;
    private final ApplicationEventPublisher events;
    private final AtomicReference<String> problem = new AtomicReference<>(); // null while it answers

    EngineWatch(DockerClient docker, TaskScheduler scheduler, ApplicationEventPublisher events) {
        this.docker = docker;
        this.scheduler = scheduler;
        this.events = events;
    }

    /** A change of the engine's state: {@code up} or not, and why not. */
    public record EngineStateChanged(boolean up, String problem) {}

    @Override
    public void afterPropertiesSet() {
        check();
        scheduler.scheduleWithFixedDelay(this::check, INTERVAL);
    }

    /** Whether the engine answered when last asked. */
    public boolean isUp() {
        return problem.get() == null;
    }

    /** Why the engine is taken for down, or null. */
    String problem() {
        return problem.get();
    }

    /** Asks the engine now (after a sandbox failed: was it the engine?). */
    public boolean checkNow() {
        check();
        return isUp();
    }

    private synchronized void check() {
        String now;
        try {
            docker.pingCmd().exec();
            now = null;
        } catch (RuntimeException e) {
            now = e.getMessage() == null ? e.toString() : e.getMessage();
        }
        String before = problem.getAndSet(now);
        if ((before == null) != (now == null)) {
            if (now == null) {
                log.info("Docker engine answers again: taking jobs");
            } else {
                log.error("Docker engine unreachable ({}): taking no jobs until it answers", now);
            }
            events.publishEvent(new EngineStateChanged(now == null, now));
        }
    }
}
