package dev.edc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sandbox's cgroup on the host (cgroup v1 layout, in a temporary directory). */
class HostCgroupTest {

    @TempDir
    Path root;

    @Test
    void shouldNameAParentOfItsOwnUnderEdc() {
        HostCgroup one = HostCgroup.next(root, new Random(1));
        HostCgroup other = HostCgroup.next(root, new Random(2));

        assertThat(one.parent()).matches("/edc/[0-9a-f]{16}");
        assertThat(other.parent()).isNotEqualTo(one.parent());
    }

    @Test
    void shouldReadMemoryAndSayWhenItCannot() throws IOException {
        HostCgroup cgroup = new HostCgroup(root, "abc");
        assertThat(cgroup.peakBytes()).isEqualTo(-1);

        Path memory = Files.createDirectories(root.resolve("memory/edc/abc"));
        Files.writeString(memory.resolve("memory.max_usage_in_bytes"), "134246400\n");

        assertThat(cgroup.peakBytes()).isEqualTo(134_246_400);
        assertThat(cgroup.usageBytes()).isEqualTo(-1);
    }

    @Test
    void shouldCountTheKernelsOomKillsInIt() throws IOException {
        HostCgroup cgroup = new HostCgroup(root, "abc");
        assertThat(cgroup.oomKills()).as("no cgroup").isEqualTo(-1);

        Path memory = Files.createDirectories(root.resolve("memory/edc/abc"));
        Files.writeString(memory.resolve("memory.oom_control"), "oom_kill_disable 0\nunder_oom 0\noom_kill 0\n");
        assertThat(cgroup.oomKills()).isZero();

        Path container = Files.createDirectories(memory.resolve("f00d"));
        Files.writeString(container.resolve("memory.oom_control"), "oom_kill_disable 0\nunder_oom 0\noom_kill 2\n");
        assertThat(cgroup.oomKills())
                .as("counted where the container's limit was hit")
                .isEqualTo(2);
    }

    @Test
    void shouldRemoveItselfFromEveryHierarchyOnce() throws IOException {
        Files.createDirectories(root.resolve("memory/edc/abc"));
        Files.createDirectories(root.resolve("cpu,cpuacct/edc/abc"));
        Files.createSymbolicLink(root.resolve("cpu"), root.resolve("cpu,cpuacct"));
        Files.createDirectories(root.resolve("pids/edc/other"));

        new HostCgroup(root, "abc").remove();

        assertThat(root.resolve("memory/edc/abc")).doesNotExist();
        assertThat(root.resolve("cpu,cpuacct/edc/abc")).doesNotExist();
        assertThat(root.resolve("pids/edc/other")).as("another sandbox's").exists();
    }

    @Test
    void shouldSweepOnlyLeftoversOlderThanTheGrace() throws IOException {
        Path old = Files.createDirectories(root.resolve("memory/edc/old"));
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
        Path young = Files.createDirectories(root.resolve("memory/edc/young"));

        assertThat(HostCgroup.sweep(root, Duration.ofMinutes(1))).isEqualTo(1);

        assertThat(old).doesNotExist();
        assertThat(young).as("maybe not read yet").exists();
    }

    @Test
    void shouldRefuseAHostWithoutMemoryCgroupsAtStartup() {
        assertThatThrownBy(() -> HostCgroup.requireMemoryController(root))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("edc.sandbox.host-cgroups");
    }
}
