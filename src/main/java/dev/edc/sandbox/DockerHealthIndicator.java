package dev.edc.sandbox;

import dev.edc.Roles;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** A worker is ready only while its Docker engine answers. */
@Component("docker")
@Profile(Roles.WORKER)
class DockerHealthIndicator implements HealthIndicator {

    private final EngineWatch engine;

    DockerHealthIndicator(EngineWatch engine) {
        this.engine = engine;
    }

    @Override
    public Health health() {
        return engine.checkNow()
                ? Health.up().build()
                : Health.down().withDetail("error", engine.problem()).build();
    }
}
