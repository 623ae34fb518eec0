package dev.edc.sandbox;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How sandboxes are made: {@code edc.sandbox.*}. Limits that a request chooses (time, memory,
 * output) are not here: they come with each job.
 *
 * @param dockerHost         the Docker engine; empty means {@code DOCKER_HOST} or the local socket
 * @param runtime            OCI runtime for sandboxes, e.g. {@code runsc} for gVisor; empty: the engine's default
 * @param seccompProfile     path of a seccomp profile (JSON) on the Docker host; empty: Docker's default profile
 * @param user               uid:gid that programs run as: never root
 * @param cpus               CPU share of one sandbox, in cores
 * @param tmpfsSize          size of {@code /tmp}, the only writable place
 * @param tmpfsInodes        files and directories {@code /tmp} may hold
 * @param maxFileSize        largest file a program may write ({@code ulimit -f})
 * @param maxOpenFiles       open file descriptors per process ({@code ulimit -n})
 * @param compileTimeout     bound on the phase before the program starts (compilation), apart from its time limit
 * @param runnersDir         directory holding the runner Dockerfiles, for building missing images
 * @param buildMissingImages whether a starting worker builds runner images it does not find
 * @param reapInterval       how often containers past their deadline are looked for
 */
@Validated
@ConfigurationProperties("edc.sandbox")
public record SandboxProperties(
        @DefaultValue("") String dockerHost,
        @DefaultValue("") String runtime,
        @DefaultValue("") String seccompProfile,
        @DefaultValue("10001:10001") @NotBlank String user,
        @DefaultValue("1.0") @Positive double cpus,
        @DefaultValue("64MB") DataSize tmpfsSize,
        @DefaultValue("4096") @Positive int tmpfsInodes,
        @DefaultValue("16MB") DataSize maxFileSize,
        @DefaultValue("256") @Positive int maxOpenFiles,
        @DefaultValue("15s") Duration compileTimeout,
        @DefaultValue("runners") Path runnersDir,
        @DefaultValue("true") boolean buildMissingImages,
        @DefaultValue("30s") Duration reapInterval) {
}
