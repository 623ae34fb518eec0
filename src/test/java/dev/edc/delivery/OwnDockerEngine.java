package dev.edc.delivery;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.edc.EdcClient;
import dev.edc.sandbox.BuildRunnerImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The Docker engine of the tests that stop it or delete its images: a {@link DockerNode} shared
 * by every such test class of the run (started by the first, closed when the run ends), holding
 * the JavaScript runner images copied from the machine's engine, and a runners directory of its
 * own. Its Node.js Dockerfile builds without network (the real one installs Debian's nodejs, and
 * the tests reach nothing but loopback): it copies the runtime from the image the machine's engine
 * built, onto the base image. EDC runs only JavaScript there; the other languages are unavailable.
 *
 * <p>Declare it before {@code @SpringBootTest}: its engine must be up before the context starts,
 * and each class's job queue ({@link #queueOf}) is deleted after the class's context closed.
 */
final class OwnDockerEngine implements BeforeAllCallback, AfterAllCallback {

    static final String BASE_IMAGE = "edc-runner/base:trixie";
    static final String NODE_IMAGE = "edc-runner/node:20";
    /** JavaScript's warm pool on that engine (application.yml's size, set here for the tests that count it). */
    static final int POOL_SIZE = 8;
    /** The Node.js runtime the test's Node.js Dockerfile copies from: the machine's runner image. */
    private static final String NODE_RUNTIME = "edc-it/node-runtime:20";

    private static final String NODE_DOCKERFILE = """
            # The Node.js runner, built without network for the tests' own engine: the runtime (Debian's
            # nodejs, as runners/node/Dockerfile installs it) copied from the image built from that file.
            ARG DEBIAN_SUITE=trixie
            FROM edc-runner/base:${DEBIAN_SUITE}
            COPY --from=%s /usr/ /usr/
            COPY node/edc-node.js node/edc-stdio.js /opt/edc/
            RUN /opt/edc/harden
            LABEL dev.edc.runner="node"
            """.formatted(NODE_RUNTIME);

    private static Prepared prepared;

    /** The engine and runners directory shared by the run. */
    private record Prepared(DockerNode engine, Path runners) implements AutoCloseable {
        @Override
        public void close() {
            engine.close();
            delete(runners);
        }
    }

    static DockerNode engine() {
        return prepared.engine();
    }

    /** The job queue of a test class: its own, so that no other test's worker takes its jobs. */
    static String queueOf(Class<?> testClass) {
        return "edc.jobs." + testClass.getSimpleName().toLowerCase(Locale.ROOT);
    }

    /** EDC's worker on this engine, with only the runner images of JavaScript. */
    static void register(DynamicPropertyRegistry registry) {
        registry.add("edc.sandbox.docker-host", () -> prepared.engine().host());
        registry.add("edc.sandbox.runners-dir", () -> prepared.runners().toString());
        imageSettings().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("edc.languages.javascript.pool-size", () -> POOL_SIZE);
        // a pool of exactly that size: grown by the test's own jobs, it would have no size to wait for
        registry.add("edc.pool.max-size", () -> POOL_SIZE);
    }

    /**
     * Waits until the engine runs exactly the warm pool's containers and EDC counts them as its
     * pool (a container the pool holds may have died with its engine: both must say so).
     *
     * @return the time since {@code sinceNanos}
     */
    static Duration awaitWarmPool(EdcClient edc, long sinceNanos) {
        await("the warm pool full: " + POOL_SIZE + " containers waiting on the engine")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> engine().docker("ps", "-q", "--filter", "label=dev.edc.pool=true")
                                        .lines()
                                        .count()
                                == POOL_SIZE
                        && edc.get("/actuator/prometheus")
                                .body()
                                .contains("\nedc_pool_containers " + POOL_SIZE + ".0"));
        return Duration.ofNanos(System.nanoTime() - sinceNanos);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        assumeTrue(
                Machine.hasRunningServices(),
                "needs the RabbitMQ and Redis named by SPRING_RABBITMQ_HOST and SPRING_DATA_REDIS_HOST");
        assumeTrue(DockerNode.available(), "needs dockerd and docker, run as root, for an engine of the test's own");
        prepared = context.getRoot()
                .getStore(ExtensionContext.Namespace.create(OwnDockerEngine.class))
                .computeIfAbsent(Prepared.class, key -> prepare(), Prepared.class);
        Machine.deleteJobQueue(queueOf(context.getRequiredTestClass())); // what an earlier run left
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Machine.deleteJobQueue(queueOf(context.getRequiredTestClass()));
    }

    private static Prepared prepare() {
        long started = System.nanoTime();
        // The images on the machine's engine, present and built from this checkout's runners: only
        // checked, never built there (a build would change the shared engine, and reach the network).
        List<String> arguments = new ArrayList<>();
        imageSettings().forEach((key, value) -> arguments.add("--" + key + "=" + value));
        arguments.add("--edc.sandbox.build-missing-images=false");
        assumeTrue(
                BuildRunnerImages.run(arguments.toArray(String[]::new)) == 0,
                "needs " + BASE_IMAGE + " and " + NODE_IMAGE + " on the machine's engine, built from this"
                        + " checkout's runners (any worker builds them when it starts)");
        DockerNode engine = new DockerNode();
        Path runners = null;
        try {
            engine.start();
            engine.loadFromMachine(BASE_IMAGE, NODE_IMAGE);
            engine.docker("tag", NODE_IMAGE, NODE_RUNTIME);
            engine.docker("rmi", NODE_IMAGE); // a tag removed: EDC builds it from the runners below
            runners = runnersDirectory();
            System.out.printf(
                    "[own-engine] %s up with %s in %d s%n",
                    engine.host(), BASE_IMAGE, (System.nanoTime() - started) / 1_000_000_000);
            return new Prepared(engine, runners);
        } catch (RuntimeException | Error e) {
            engine.close();
            if (runners != null) {
                delete(runners);
            }
            throw e;
        }
    }

    /** The runner images as edc.sandbox.images: the base of trixie and Node.js, as application.yml has them. */
    private static Map<String, String> imageSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("edc.sandbox.images[0].name", BASE_IMAGE);
        settings.put("edc.sandbox.images[0].dockerfile", "base/Dockerfile");
        settings.put("edc.sandbox.images[0].build-args[DEBIAN_SUITE]", "trixie");
        settings.put("edc.sandbox.images[0].sources[0]", "base");
        settings.put("edc.sandbox.images[0].sources[1]", "init");
        settings.put("edc.sandbox.images[1].name", NODE_IMAGE);
        settings.put("edc.sandbox.images[1].dockerfile", "node/Dockerfile");
        settings.put("edc.sandbox.images[1].build-args[DEBIAN_SUITE]", "trixie");
        return settings;
    }

    /** This checkout's runners (base, init, seccomp, Node.js's runner), with the offline Node.js Dockerfile. */
    private static Path runnersDirectory() {
        try {
            Path runners = Files.createTempDirectory("edc-it-runners-");
            for (String folder : new String[] {"base", "init", "seccomp"}) {
                copy(Path.of("runners", folder), runners.resolve(folder));
            }
            Files.createDirectories(runners.resolve("node"));
            for (String file : List.of("edc-node.js", "edc-stdio.js")) {
                Files.copy(
                        Path.of("runners", "node", file),
                        runners.resolve("node").resolve(file));
            }
            Files.writeString(runners.resolve("node/Dockerfile"), NODE_DOCKERFILE);
            return runners;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
