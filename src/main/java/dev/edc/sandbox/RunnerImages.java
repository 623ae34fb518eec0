package dev.edc.sandbox;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import dev.edc.Roles;
import dev.edc.language.LanguageRegistry;
import dev.edc.language.LanguageVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.io.File;
import java.nio.file.Files;
import java.util.Set;

/**
 * Makes sure every configured runner image exists before the worker takes jobs, building the
 * missing ones from their Dockerfiles (with the host's network: nothing leaves from a bridge).
 */
@Component
@Profile(Roles.WORKER)
class RunnerImages implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(RunnerImages.class);

    private final DockerClient docker;
    private final LanguageRegistry languages;
    private final SandboxProperties properties;

    RunnerImages(DockerClient docker, LanguageRegistry languages, SandboxProperties properties) {
        this.docker = docker;
        this.languages = languages;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        for (LanguageVersion language : languages.all()) {
            LanguageVersion.Runner runner = language.runner();
            if (exists(runner.image())) {
                log.info("runner image {} for {}: present", runner.image(), language.key());
            } else if (properties.buildMissingImages()) {
                build(language);
            } else {
                throw new IllegalStateException("Runner image " + runner.image() + " for " + language.key()
                        + " is missing and edc.sandbox.build-missing-images is false");
            }
        }
    }

    private boolean exists(String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private void build(LanguageVersion language) {
        LanguageVersion.Runner runner = language.runner();
        File context = properties.runnersDir().toFile();
        File dockerfile = properties.runnersDir().resolve(runner.dockerfile()).toFile();
        if (!Files.isRegularFile(dockerfile.toPath())) {
            throw new IllegalStateException("Runner image " + runner.image() + " is missing and its Dockerfile "
                    + dockerfile.getAbsolutePath() + " does not exist (edc.sandbox.runners-dir)");
        }
        log.info("runner image {} for {}: building from {} (a few minutes the first time)", runner.image(),
                language.key(), dockerfile);
        var build = docker.buildImageCmd()
                .withBaseDirectory(context)
                .withDockerfile(dockerfile)
                .withTags(Set.of(runner.image()))
                .withNetworkMode("host")
                .withPull(false);
        runner.buildArgs().forEach(build::withBuildArg);
        String id = build.exec(new BuildImageResultCallback() {
            @Override
            public void onNext(BuildResponseItem item) {
                if (item.getStream() != null && !item.getStream().isBlank()) {
                    log.info("[{}] {}", runner.image(), item.getStream().strip());
                }
                super.onNext(item);
            }
        }).awaitImageId();
        log.info("runner image {} for {}: built ({})", runner.image(), language.key(), id);
    }
}
