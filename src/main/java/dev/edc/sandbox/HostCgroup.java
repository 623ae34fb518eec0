package dev.edc.sandbox;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cgroup the worker puts around one sandbox container on the host: the container's
 * {@code CgroupParent}, {@code /edc/<name>}. The kernel counts the container's memory in it too,
 * and, unlike the container's own cgroup, it outlives the container: the runtime removes that one
 * as soon as the init exits (measured here 0–113 ms after its last frame reached a client, so
 * reading it then is a race), and a sandbox killed for memory under gVisor leaves nothing else to
 * read. The worker reads it after the run and removes it after the container.
 *
 * @param root the host's cgroup filesystem, e.g. {@code /sys/fs/cgroup}
 * @param name this sandbox's cgroup under {@code edc/}
 */
record HostCgroup(Path root, String name) {

    private static final Logger log = LoggerFactory.getLogger(HostCgroup.class);
    private static final String PARENT = "edc";

    static HostCgroup next(Path root, RandomGenerator random) {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return new HostCgroup(root, HexFormat.of().formatHex(bytes));
    }

    /**
     * Fails unless the host's memory cgroups are where the worker looks: a misconfigured worker stops
     * at startup, not with every job's memory unknown.
     */
    static void requireMemoryController(Path root) {
        if (!Files.isDirectory(root.resolve("memory")) && !Files.exists(root.resolve("cgroup.controllers"))) {
            throw new IllegalStateException("No memory cgroups under " + root.toAbsolutePath()
                    + " (edc.sandbox.host-cgroups): the worker measures sandboxes' memory there"
                    + " of gVisor's sandboxes (edc.sandbox.gvisor); mount the host's /sys/fs/cgroup into the worker");
        }
    }

    /** The container's cgroup parent, as the engine takes it (cgroupfs driver). */
    String parent() {
        return "/" + PARENT + "/" + name;
    }

    /** The sandbox's memory use now, in bytes; -1 if unknown. */
    long usageBytes() {
        return read(unified() ? "memory.current" : "memory.usage_in_bytes");
    }

    /** The sandbox's peak memory so far, in bytes (also once its container is gone); -1 if unknown. */
    long peakBytes() {
        return read(unified() ? "memory.peak" : "memory.max_usage_in_bytes");
    }

    /**
     * How many times the kernel's OOM killer struck in it so far; -1 if unknown. Under gVisor's
     * systrap platform the kernel kills one of gVisor's stub processes, not the sandbox, and the
     * program's task hangs: the worker ends such a sandbox itself (DockerSandbox).
     */
    long oomKills() {
        if (unified()) {
            return oomKills(memoryDir().resolve("memory.events")); // counts the container's cgroup below too
        }
        // cgroup v1 counts a kill in the cgroup whose limit was hit: the container's own, below this one
        long kills = oomKills(memoryDir().resolve("memory.oom_control"));
        if (kills < 0) {
            return -1;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(memoryDir(), Files::isDirectory)) {
            for (Path child : children) {
                kills += Math.max(0, oomKills(child.resolve("memory.oom_control")));
            }
        } catch (IOException e) {
            // gone with its container
        }
        return kills;
    }

    private static long oomKills(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> line.startsWith("oom_kill "))
                    .mapToLong(line ->
                            Long.parseLong(line.substring("oom_kill ".length()).strip()))
                    .findFirst()
                    .orElse(-1);
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** Removes it from every hierarchy: once its container is removed, it holds nothing. */
    void remove() {
        for (Path dir : dirs()) {
            try {
                Files.deleteIfExists(dir); // rmdir: cgroupfs refuses it while a process or a child is in
            } catch (IOException e) {
                log.warn("could not remove the sandbox cgroup {} (the reaper will): {}", dir, e.toString());
            }
        }
    }

    /**
     * Removes sandbox cgroups left by a worker that stopped between a container's end and its
     * removal: empty ones older than {@code age} (younger ones may still be read; one whose
     * container runs is refused by the kernel).
     *
     * @return how many directories were removed
     */
    static int sweep(Path root, Duration age) {
        Instant before = Instant.now().minus(age);
        int removed = 0;
        for (Path parent : hierarchies(root, PARENT)) {
            try (DirectoryStream<Path> sandboxes = Files.newDirectoryStream(parent, Files::isDirectory)) {
                for (Path dir : sandboxes) {
                    if (Files.getLastModifiedTime(dir).toInstant().isBefore(before)) {
                        try {
                            Files.delete(dir);
                            removed++;
                        } catch (IOException e) {
                            // in use, or removed meanwhile
                        }
                    }
                }
            } catch (NoSuchFileException e) {
                // no sandbox made here yet
            } catch (IOException e) {
                log.warn("could not look for leftover sandbox cgroups in {}: {}", parent, e.toString());
            }
        }
        return removed;
    }

    private List<Path> dirs() {
        return hierarchies(root, PARENT + "/" + name);
    }

    /** {@code path} in every hierarchy: under the root itself (cgroup v2) or each controller's (v1). */
    private static List<Path> hierarchies(Path root, String path) {
        if (Files.exists(root.resolve("cgroup.controllers"))) {
            return List.of(root.resolve(path));
        }
        List<Path> dirs = new ArrayList<>();
        try (DirectoryStream<Path> controllers = Files.newDirectoryStream(root)) {
            for (Path controller : controllers) {
                // cpu and cpuacct are links to cpu,cpuacct: each hierarchy once
                if (!Files.isSymbolicLink(controller) && Files.isDirectory(controller)) {
                    dirs.add(controller.resolve(path));
                }
            }
        } catch (IOException e) {
            log.warn("could not list the cgroup hierarchies under {}: {}", root, e.toString());
        }
        return dirs;
    }

    private boolean unified() {
        return Files.exists(root.resolve("cgroup.controllers"));
    }

    private long read(String file) {
        try {
            return Long.parseLong(Files.readString(memoryDir().resolve(file)).strip());
        } catch (IOException | NumberFormatException e) {
            return -1; // the cgroup is gone, or the file is not this kernel's
        }
    }

    private Path memoryDir() {
        return unified()
                ? root.resolve(PARENT).resolve(name)
                : root.resolve("memory").resolve(PARENT).resolve(name);
    }
}
