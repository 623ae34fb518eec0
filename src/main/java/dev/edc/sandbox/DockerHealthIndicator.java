package dev.edc.sandbox;

import com.github.dockerjava.api.DockerClient;
import dev.edc.Roles;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** A worker is ready only while its Docker engine answers. */
@Component("docker")
@Profile(Roles.WORKER)
class DockerHealthIndicator implements HealthIndicator {

    private final DockerClient docker;

    DockerHealthIndicator(DockerClient docker) {
        this.docker = docker;
    }

    @Override
    public Health health() {
        try {
            docker.pingCmd().exec();
            return Health.up().build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getMessage()).build();
        }
    }
}
