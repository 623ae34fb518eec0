package dev.edc.sandbox;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import dev.edc.Roles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Makes sure the runner images exist, built from the current runner sources: missing or outdated
 * ones are built from their Dockerfiles, an image after the configured image it starts FROM, up to
 * {@code edc.sandbox.build-parallelism} at once, with the host's network (nothing leaves from a
 * bridge). An image that cannot be built is reported, and only what needs it is unavailable.
 */
@Component
@Profile(Roles.WORKER)
public class RunnerImages {

    private static final Logger log = LoggerFactory.getLogger(RunnerImages.class);
    /** The hash of the sources an image was built from: a changed runner is rebuilt, never run stale. */
    static final String SOURCE_LABEL = "dev.edc.runner-source";

    private static final Pattern FROM = Pattern.compile("(?im)^\\s*FROM\\s+(\\S+)");
    private static final Pattern ARG_DEFAULT = Pattern.compile("(?im)^\\s*ARG\\s+(\\w+)=(\\S+)");

    private final DockerClient docker;
    private final SandboxProperties properties;
    private final ApplicationEventPublisher events;
    private final Map<String, SandboxProperties.RunnerImage> images = new LinkedHashMap<>();
    private final Map<String, String> problems = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<String>> hashes = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> rebuilding = new ConcurrentHashMap<>();
    // one rebuild at a time: the jobs of other languages keep the CPU
    private final ExecutorService rebuilder = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("image-rebuild").daemon().factory());

    RunnerImages(DockerClient docker, SandboxProperties properties, ApplicationEventPublisher events) {
        this.docker = docker;
        this.properties = properties;
        this.events = events;
        properties.images().forEach(image -> images.put(image.name(), image));
    }

    /** What became of an image after the worker started: being rebuilt, ready again, or unavailable. */
    public record RunnerImageChanged(String image, State state, String problem) {}

    public enum State {
        READY,
        BUILDING,
        UNAVAILABLE
    }

    /**
     * Rebuilds an image found missing (deleted under a running worker, say by a disk clean-up), and
     * the images it starts from if they are gone too, in the background, once however often asked.
     */
    public void rebuild(String image) {
        if (!images.containsKey(image) || !properties.buildMissingImages()) {
            return;
        }
        rebuilding.computeIfAbsent(image, name -> {
            log.warn("runner image {}: missing, rebuilding; its jobs wait meanwhile", name);
            events.publishEvent(new RunnerImageChanged(name, State.BUILDING, null));
            return CompletableFuture.runAsync(
                    () -> {
                        try {
                            ensureWithParents(name);
                            problems.remove(name);
                            events.publishEvent(new RunnerImageChanged(name, State.READY, null));
                        } catch (RuntimeException e) {
                            problems.put(name, rootMessage(e));
                            log.error("runner image {}: could not be rebuilt: {}", name, rootMessage(e));
                            events.publishEvent(new RunnerImageChanged(name, State.UNAVAILABLE, rootMessage(e)));
                        } finally {
                            rebuilding.remove(name);
                        }
                    },
                    rebuilder);
        });
    }

    /** Whether the image is being rebuilt now. */
    public boolean isRebuilding(String image) {
        return rebuilding.containsKey(image);
    }

    private String ensureWithParents(String name) {
        SandboxProperties.RunnerImage image = images.get(name);
        String parent = parentOf(image);
        return ensure(image, parent == null ? "" : ensureWithParents(parent));
    }

    /**
     * Checks (and builds where needed) every configured image, blocking until done.
     *
     * @return the images that cannot be used, each with why
     */
    public Map<String, String> prepareAll() {
        ExecutorService builders = Executors.newFixedThreadPool(
                properties.buildParallelism(),
                Thread.ofPlatform().name("image-build-", 0).factory());
        try {
            List<CompletableFuture<String>> all = new ArrayList<>();
            for (String name : images.keySet()) {
                all.add(prepare(name, builders));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                    .exceptionally(e -> null)
                    .join();
        } finally {
            builders.shutdown();
        }
        return Map.copyOf(problems);
    }

    /** Why an image cannot be used, if it cannot. */
    public Optional<String> problem(String image) {
        if (!images.containsKey(image)) {
            return Optional.of("no runner image " + image + " is configured (edc.sandbox.images)");
        }
        return Optional.ofNullable(problems.get(image));
    }

    /** The image ready (its source hash), once it and the image it starts from are. */
    private synchronized CompletableFuture<String> prepare(String name, ExecutorService builders) {
        CompletableFuture<String> known = hashes.get(name);
        if (known != null) {
            return known;
        }
        SandboxProperties.RunnerImage image = images.get(name);
        String parent = parentOf(image);
        CompletableFuture<String> parentHash =
                parent == null ? CompletableFuture.completedFuture("") : prepare(parent, builders);
        CompletableFuture<String> hash = parentHash.thenApplyAsync(fromHash -> ensure(image, fromHash), builders);
        hash.whenComplete((done, failure) -> {
            if (failure != null) {
                String why = rootMessage(failure);
                problems.put(
                        name,
                        parent != null && problems.containsKey(parent)
                                ? "its base image " + parent + " is unavailable: " + why
                                : why);
                log.error("runner image {}: unavailable: {}", name, problems.get(name));
            }
        });
        hashes.put(name, hash);
        return hash;
    }

    private String ensure(SandboxProperties.RunnerImage image, String parentHash) {
        String source = sourceHash(image, parentHash);
        String built = builtFrom(image.name());
        if (built != null && (source == null || built.equals(source))) {
            log.info("runner image {}: present", image.name());
        } else if (!properties.buildMissingImages()) {
            throw new IllegalStateException(
                    built == null
                            ? "missing, and edc.sandbox.build-missing-images is false"
                            : "built from other sources, and edc.sandbox.build-missing-images is false");
        } else {
            log.info(
                    "runner image {}: {}",
                    image.name(),
                    built == null
                            ? "missing, building"
                            : "built from other sources than " + properties.runnersDir() + ", rebuilding");
            build(image, source);
        }
        return source == null ? "" : source;
    }

    /** The configured image this one starts FROM, if any. */
    private String parentOf(SandboxProperties.RunnerImage image) {
        Path dockerfile = properties.runnersDir().resolve(image.dockerfile());
        if (!Files.isRegularFile(dockerfile)) {
            return null;
        }
        try {
            String text = Files.readString(dockerfile);
            Map<String, String> args = new LinkedHashMap<>();
            Matcher defaults = ARG_DEFAULT.matcher(text);
            while (defaults.find()) {
                args.put(defaults.group(1), defaults.group(2));
            }
            args.putAll(image.buildArgs());
            for (var arg : args.entrySet()) {
                text = text.replace("${" + arg.getKey() + "}", arg.getValue());
            }
            Matcher from = FROM.matcher(text);
            String last = null;
            while (from.find()) {
                last = from.group(1); // the final stage's base
            }
            return last != null && images.containsKey(last) ? last : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
     * A hash of everything an image is built from: the files of its source folders, its
     * Dockerfile's name, its build arguments and the hash of the image it starts from. Null when
     * the runners directory is not there (an install that only pulls images): then any image
     * present is taken as it is.
     */
    private String sourceHash(SandboxProperties.RunnerImage image, String parentHash) {
        Path dir = properties.runnersDir();
        if (!Files.isDirectory(dir)) {
            return null;
        }
        List<String> sources = image.sources().isEmpty()
                ? List.of(Path.of(image.dockerfile()).getParent().toString())
                : image.sources();
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String source : sources) {
                try (Stream<Path> files = Files.walk(dir.resolve(source))) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        digest.update(dir.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                        digest.update(Files.readAllBytes(file));
                    }
                }
            }
            digest.update(image.dockerfile().getBytes(StandardCharsets.UTF_8));
            digest.update(new TreeMap<>(image.buildArgs()).toString().getBytes(StandardCharsets.UTF_8));
            digest.update(parentHash.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(
                    "Could not read the sources of " + image.name() + " in " + dir.toAbsolutePath(), e);
        }
    }

    private void build(SandboxProperties.RunnerImage image, String sourceHash) {
        Path dockerfile = properties.runnersDir().resolve(image.dockerfile());
        if (!Files.isRegularFile(dockerfile)) {
            throw new IllegalStateException(
                    "its Dockerfile " + dockerfile.toAbsolutePath() + " does not exist (edc.sandbox.runners-dir)");
        }
        requireFetched(dockerfile.getParent());
        long started = System.nanoTime();
        var build = docker.buildImageCmd()
                .withBaseDirectory(properties.runnersDir().toFile())
                .withDockerfile(dockerfile.toFile())
                .withTags(Set.of(image.name()))
                .withNetworkMode("host")
                .withPull(false)
                .withLabels(Map.of(SOURCE_LABEL, sourceHash == null ? "" : sourceHash));
        image.buildArgs().forEach(build::withBuildArg);
        String id = build.exec(new BuildImageResultCallback() {
                    @Override
                    public void onNext(BuildResponseItem item) {
                        if (item.getStream() != null && !item.getStream().isBlank()) {
                            log.debug("[{}] {}", image.name(), item.getStream().strip());
                        }
                        super.onNext(item);
                    }
                })
                .awaitImageId();
        log.info(
                "runner image {}: built in {} s ({})", image.name(), (System.nanoTime() - started) / 1_000_000_000, id);
    }

    /** A runner whose Dockerfile copies what its fetch.sh downloads on the host (no HTTPS inside builds). */
    private static void requireFetched(Path folder) {
        if (Files.isRegularFile(folder.resolve("fetch.sh")) && !Files.isDirectory(folder.resolve("dist"))) {
            throw new IllegalStateException(
                    "its Dockerfile copies files that " + folder.resolve("fetch.sh") + " fetches, and "
                            + folder.resolve("dist") + " is not there: run scripts/fetch-runner-artifacts.sh");
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
}
