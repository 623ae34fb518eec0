package dev.edc.sandbox;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import dev.edc.Roles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Removes sandbox containers past their deadline label, or exited more than a minute ago: those a
 * crashed worker left behind, and any a worker failed to remove. Runs when a worker starts, then
 * periodically. Running containers within their deadline belong to a live run (maybe another
 * worker's on the same engine); an exited one serves nobody once its worker has read its end,
 * which takes seconds. With it go the cgroups the worker made around sandboxes on the host
 * ({@link HostCgroup}) whose containers are gone.
 */
@Component
@Profile(Roles.WORKER)
class ContainerReaper implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ContainerReaper.class);

    private static final long EXITED_GRACE_S = 60;

    private final DockerClient docker;
    private final TaskScheduler scheduler;
    private final Duration interval;
    private final Path hostCgroups; // null: sandboxes get no cgroup of their own on the host

    ContainerReaper(DockerClient docker, TaskScheduler scheduler, SandboxProperties properties) {
        this.docker = docker;
        this.scheduler = scheduler;
        this.interval = properties.reapInterval();
        this.hostCgroups = properties.underGvisor() ? properties.hostCgroups() : null;
    }

    @Override
    public void afterPropertiesSet() {
        int removed = reap();
        log.info("sandbox reaper: removed {} container(s) left past their deadline or exited", removed);
        scheduler.scheduleWithFixedDelay(this::reapPeriodically, Instant.now().plus(interval), interval);
    }

    void reapPeriodically() {
        int removed = reap();
        if (removed > 0) {
            log.warn("sandbox reaper: removed {} container(s) past their deadline or exited", removed);
        }
    }

    int reap() {
        long now = Instant.now().getEpochSecond();
        List<Container> sandboxes = docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(SandboxLabels.SANDBOX, "true"))
                .exec();
        int removed = 0;
        for (Container container : sandboxes) {
            String deadline = container.getLabels().getOrDefault(SandboxLabels.DEADLINE, "0");
            if (parse(deadline) < now || exitedLongAgo(container, now)) {
                try {
                    docker.removeContainerCmd(container.getId())
                            .withForce(true)
                            .withRemoveVolumes(true)
                            .exec();
                    removed++;
                } catch (NotFoundException | ConflictException e) {
                    // removed meanwhile, or being removed, by its worker or another worker's reaper
                }
            }
        }
        if (hostCgroups != null) {
            HostCgroup.sweep(hostCgroups, Duration.ofSeconds(EXITED_GRACE_S));
        }
        return removed;
    }

    private boolean exitedLongAgo(Container container, long now) {
        if (!"exited".equals(container.getState()) && !"dead".equals(container.getState())) {
            return false;
        }
        try {
            String finishedAt = docker.inspectContainerCmd(container.getId())
                    .exec()
                    .getState()
                    .getFinishedAt();
            return finishedAt != null && Instant.parse(finishedAt).getEpochSecond() + EXITED_GRACE_S < now;
        } catch (NotFoundException | DateTimeParseException e) {
            return false;
        }
    }

    private static long parse(String epochSeconds) {
        try {
            return Long.parseLong(epochSeconds);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
