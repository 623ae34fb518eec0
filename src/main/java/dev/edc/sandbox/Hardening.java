package dev.edc.sandbox;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Ulimit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The locks on every sandbox container, one flag a line, each saying what it stops. The init
 * runs as root with three capabilities only (to run the compiler and the program under their own
 * uids, and to kill them); everything the job runs has none (runners/PROTOCOL.md, "Trust").
 */
final class Hardening {

    // Under gVisor the engine's pids limit counts gVisor's own host threads and stub processes, not
    // the program's processes (measured with runsc's older ptrace platform: ~50 for an idle sandbox;
    // a fork bomb held to 128 tasks inside took a JavaScript sandbox to ~800 and a Java one past
    // 1,280; systrap needs fewer): past it gVisor itself dies. The program is held inside instead
    // (nproc), and this bound only keeps a broken gVisor from taking the host's threads.
    private static final long GVISOR_HOST_THREADS_PER_PROCESS = 16;
    private static final long GVISOR_HOST_THREADS = 512;

    private final SandboxProperties properties;
    private final String seccompProfile; // the profile's JSON, or null for the engine's default

    Hardening(SandboxProperties properties, String seccompProfile) {
        this.properties = properties;
        this.seccompProfile = seccompProfile;
    }

    /** @param uid the compiler's uid; the program runs as uid+1 */
    HostConfig hostConfig(SandboxSpec spec, int uid) {
        // the program's only writable place, where nothing executes
        String tmp = "rw,nosuid,nodev,noexec,mode=1777,size="
                + properties.tmpSize().toBytes() + ",nr_inodes=" + properties.tmpInodes();
        // sources and binaries: written by the compiler's uid, read-only to the program's
        String box = "rw,nosuid,nodev,exec,mode=0755,uid=" + uid + ",gid=" + uid + ",size="
                + properties.boxSize().toBytes() + ",nr_inodes=" + properties.tmpInodes();
        // no pseudo-terminals: their pool is host-wide
        String noPtys = "ro,nosuid,nodev,noexec,mode=0555,size=4k";
        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode("none") // no network at all, only loopback
                .withIpcMode("none") // private IPC, no /dev/shm
                .withReadonlyRootfs(true) // nothing outside the tmpfs mounts can be written
                .withTmpFs(Map.of("/tmp", tmp, "/box", box, "/dev/pts", noPtys))
                .withMemory(spec.memoryBytes()) // memory limit...
                .withMemorySwap(spec.memoryBytes()) // ...with no swap beyond it
                .withNanoCPUs((long) (properties.cpus() * 1_000_000_000L)) // a CPU quota, not the whole host
                .withPidsLimit(hostPids(spec)) // stops fork bombs (per container, unlike nproc; gVisor: see below)
                .withCapDrop(Capability.ALL) // no capability...
                .withCapAdd(Capability.SETUID, Capability.SETGID, Capability.KILL) // ...but the init's own
                .withSecurityOpts(securityOptions()) // no privilege gain through exec; EDC's syscall filter
                .withUlimits(ulimits(spec))
                .withLogConfig(new LogConfig(LogConfig.LoggingType.NONE)) // output never lands on the host's disk
                .withInit(false); // EDC's own init is PID 1
        if (!properties.runtime().isBlank()) {
            host.withRuntime(properties.runtime()); // e.g. gVisor's runsc
        }
        return host;
    }

    private long hostPids(SandboxSpec spec) {
        return properties.underGvisor()
                ? spec.pids() * GVISOR_HOST_THREADS_PER_PROCESS + GVISOR_HOST_THREADS // gVisor's threads, bounded
                : spec.pids();
    }

    private List<Ulimit> ulimits(SandboxSpec spec) {
        long fileSize = properties.maxFileSize().toBytes();
        long openFiles = properties.maxOpenFiles();
        List<Ulimit> ulimits = new ArrayList<>(List.of(
                new Ulimit("fsize", fileSize, fileSize), // no huge files
                new Ulimit("nofile", openFiles, openFiles), // bounded descriptors
                new Ulimit("core", 0L, 0L))); // no core dumps
        if (properties.underGvisor()) {
            // stops fork bombs under gVisor: its kernel counts a uid's processes in this sandbox only
            long pids = spec.pids();
            ulimits.add(new Ulimit("nproc", pids, pids));
        }
        return ulimits;
    }

    private List<String> securityOptions() {
        List<String> options = new ArrayList<>(List.of("no-new-privileges"));
        if (seccompProfile != null) {
            options.add("seccomp=" + seccompProfile); // the engine takes the profile's content, not a path
        }
        return options;
    }
}
