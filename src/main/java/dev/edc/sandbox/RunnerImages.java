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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Makes sure every configured runner image exists, built from the current runner sources, before
 * the worker takes jobs: missing or outdated ones are built from their Dockerfiles (with the host's
 * network: nothing leaves from a bridge).
 */
@Component
@Profile(Roles.WORKER)
class RunnerImages implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(RunnerImages.class);
    /** The hash of the sources an image was built from: a changed runner is rebuilt, never run stale. */
    static final String SOURCE_LABEL = "dev.edc.runner-source";

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
            String source = sourceHash(runner);
            String built = builtFrom(runner.image());
            if (built != null && (built.equals(source) || source == null)) {
                log.info("runner image {} for {}: present", runner.image(), language.key());
            } else if (properties.buildMissingImages()) {
                log.info("runner image {} for {}: {}", runner.image(), language.key(),
                        built == null ? "missing" : "built from other sources than " + properties.runnersDir() + ", rebuilding");
                build(language, source);
            } else if (built == null) {
                throw new IllegalStateException("Runner image " + runner.image() + " for " + language.key()
                        + " is missing and edc.sandbox.build-missing-images is false");
            } else {
                log.warn("runner image {} for {}: built from other sources than {}", runner.image(), language.key(),
                        properties.runnersDir());
            }
        }
    }

    /** The source hash an image was built from ("" for an image EDC did not build), or null if it is missing. */
    private String builtFrom(String image) {
        try {
            var config = docker.inspectImageCmd(image).exec().getConfig();
            Map<String, String> labels = config == null || config.getLabels() == null ? Map.of() : config.getLabels();
            return labels.getOrDefault(SOURCE_LABEL, "");
        } catch (NotFoundException e) {
            return null;
        }
    }

    /**
     * A hash of everything a runner image is built from: the files of the runners directory, the
     * Dockerfile's name and the build arguments. Null when the directory is not there (an install
     * that only pulls images): then any image present is taken as it is.
     */
    private String sourceHash(LanguageVersion.Runner runner) {
        Path dir = properties.runnersDir();
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                digest.update(dir.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
            digest.update(runner.dockerfile().getBytes(StandardCharsets.UTF_8));
            digest.update(new TreeMap<>(runner.buildArgs()).toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Could not read the runner sources in " + dir.toAbsolutePath(), e);
        }
    }

    private void build(LanguageVersion language, String sourceHash) {
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
                .withPull(false)
                .withLabels(Map.of(SOURCE_LABEL, sourceHash == null ? "" : sourceHash));
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
