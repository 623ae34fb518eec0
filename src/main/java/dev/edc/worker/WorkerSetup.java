package dev.edc.worker;

import dev.edc.Roles;
import dev.edc.execution.LanguageAvailability;
import dev.edc.language.LanguageRegistry;
import dev.edc.language.LanguageVersion;
import dev.edc.sandbox.RunnerImages;
import dev.edc.sandbox.Sandbox;
import dev.edc.sandbox.SandboxLoad;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;

/**
 * Readies a worker before it takes jobs: every language's runner image (built where missing),
 * the languages that cannot run reported, and the warm pools of those that can.
 */
@Configuration(proxyBeanMethods = false)
@Profile(Roles.WORKER)
class WorkerSetup implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(WorkerSetup.class);

    private final LanguageRegistry languages;
    private final RunnerImages images;
    private final Sandbox sandbox;
    private final LanguageAvailability availability;

    WorkerSetup(LanguageRegistry languages, RunnerImages images, Sandbox sandbox, LanguageAvailability availability) {
        this.languages = languages;
        this.images = images;
        this.sandbox = sandbox;
        this.availability = availability;
    }

    @Bean
    static SandboxLoad sandboxLoad(WorkerProperties worker) {
        return new SandboxLoad(worker.concurrency());
    }

    /** Keeps the languages' availability in step with their images (rebuilt when deleted under the worker). */
    @EventListener
    void onImageChanged(RunnerImages.RunnerImageChanged change) {
        for (LanguageVersion language : languages.all()) {
            if (language.image().equals(change.image())) {
                switch (change.state()) {
                    case BUILDING -> availability.rebuilding(language);
                    case READY -> availability.available(language);
                    case UNAVAILABLE ->
                        availability.unavailable(language, "runner image " + change.image() + ": " + change.problem());
                }
            }
        }
    }

    @Override
    public void afterPropertiesSet() {
        images.prepareAll();
        int ready = 0;
        for (LanguageVersion language : languages.all()) {
            var problem = images.problem(language.image());
            if (problem.isPresent()) {
                availability.unavailable(language, "runner image " + language.image() + ": " + problem.get());
                log.error(
                        "{}: UNAVAILABLE on this worker: runner image {}: {}",
                        language.key(),
                        language.image(),
                        problem.get());
                continue;
            }
            ready++;
            sandbox.keepWarm(SandboxJobs.defaultSpec(language), language.poolSize());
        }
        log.info(
                "worker ready for {} of {} language versions",
                ready,
                languages.all().size());
    }
}
