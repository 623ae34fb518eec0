package dev.edc.sandbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How sandboxes are made: {@code edc.sandbox.*}. Limits that a request chooses (time, memory,
 * output) are not here: they come with each job.
 *
 * @param dockerHost         the Docker engine; empty means {@code DOCKER_HOST} or the local socket
 * @param runtime            OCI runtime for sandboxes, e.g. {@code runsc} for gVisor; empty: the engine's default
 * @param gvisor             whether {@code runtime} is gVisor's (unset: when it is named {@code runsc}). Its
 *                           sandboxes see cgroup files of their own, so the worker measures their memory on the
 *                           host ({@code hostCgroups}); a kill for memory ends the whole sandbox; and the engine's
 *                           pids limit counts gVisor's own host threads (several per process of the program), so
 *                           the program's processes are limited inside, by its uid's process limit
 * @param hostCgroups        the host's cgroup filesystem as the worker sees it, where it measures the memory of
 *                           gVisor's sandboxes
 * @param seccompProfile     seccomp profile (JSON) of every sandbox, relative to {@code runnersDir}: EDC's own
 *                           (runners/seccomp/NOTES.md says what it adds to Docker's); empty: the engine's default
 * @param cpus               CPU share of one sandbox, in cores
 * @param tmpSize            size of {@code /tmp}, the program's only writable place
 * @param tmpInodes          files and directories {@code /tmp} and {@code /box} may each hold
 * @param boxSize            size of {@code /box}, where the compiler writes what runs
 * @param maxFileSize        largest file a program may write ({@code ulimit -f})
 * @param maxOpenFiles       open file descriptors per process ({@code ulimit -n})
 * @param runnersDir         directory holding the runner Dockerfiles, for building missing images
 * @param buildMissingImages whether a starting worker builds runner images it does not find
 * @param buildParallelism   runner images built at once
 * @param reapInterval       how often containers past their deadline are looked for
 * @param images             the runner images and how to build them
 */
@Validated
@ConfigurationProperties("edc.sandbox")
public record SandboxProperties(
        @DefaultValue("") String dockerHost,
        @DefaultValue("") String runtime,
        Boolean gvisor,
        @DefaultValue("/sys/fs/cgroup") Path hostCgroups,
        @DefaultValue("seccomp/edc.json") String seccompProfile,
        @DefaultValue("1.0") @Positive double cpus,
        @DefaultValue("64MB") DataSize tmpSize,
        @DefaultValue("4096") @Positive int tmpInodes,
        @DefaultValue("256MB") DataSize boxSize,
        @DefaultValue("16MB") DataSize maxFileSize,
        @DefaultValue("256") @Positive int maxOpenFiles,
        @DefaultValue("runners") Path runnersDir,
        @DefaultValue("true") boolean buildMissingImages,
        @DefaultValue("3") @Positive int buildParallelism,
        @DefaultValue("30s") Duration reapInterval,
        @DefaultValue List<@Valid RunnerImage> images) {

    /** Whether sandboxes run under gVisor: see {@code gvisor}. */
    boolean underGvisor() {
        return gvisor != null ? gvisor : runtime.equals("runsc");
    }

    /**
     * A runner image.
     *
     * @param name       its tag, e.g. {@code edc-runner/python:3.13}
     * @param dockerfile the Dockerfile that builds it, relative to the runners directory (which is the build context)
     * @param buildArgs  build arguments for that Dockerfile
     * @param sources    folders of the runners directory it is built from (a change there rebuilds it);
     *                   empty: the Dockerfile's own folder
     */
    public record RunnerImage(
            @NotBlank String name,
            @NotBlank String dockerfile,
            @DefaultValue Map<String, String> buildArgs,
            @DefaultValue List<String> sources) {}
}
