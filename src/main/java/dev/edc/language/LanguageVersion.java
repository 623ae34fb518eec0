package dev.edc.language;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;
import java.util.Map;

/**
 * One runnable language version: everything EDC knows about it is here, so adding a language is
 * a new entry and a runner image, never code.
 *
 * @param language       canonical lower-case name, e.g. {@code java}
 * @param version        version as clients name it, e.g. {@code 17}
 * @param aliases        other names accepted for the language (case-insensitive)
 * @param defaultVersion whether this entry answers requests that give no version
 * @param runtime        what runs the code, as shown by {@code GET /languages}
 * @param runner         the runner image and how to build it
 * @param limits         limits a request gets when it names none
 */
public record LanguageVersion(
        @NotBlank String language,
        @NotBlank String version,
        @DefaultValue List<String> aliases,
        @DefaultValue("false") boolean defaultVersion,
        @NotBlank String runtime,
        @NotNull @Valid Runner runner,
        @NotNull @Valid DefaultLimits limits) {

    /** A human-readable key, e.g. {@code java 17}. */
    public String key() {
        return language + " " + version;
    }

    /**
     * The runner image of a language version.
     *
     * @param image      tag of the image, e.g. {@code edc-runner/java:17}
     * @param dockerfile Dockerfile that builds it, relative to {@code edc.sandbox.runners-dir}
     * @param buildArgs  build arguments for that Dockerfile
     * @param command    command to run instead of the image's own (empty: the image's CMD)
     * @param pids       process and thread limit inside the sandbox
     * @param poolSize   warm containers kept ready for this version (0: none)
     */
    public record Runner(
            @NotBlank String image,
            @NotBlank String dockerfile,
            @DefaultValue Map<String, String> buildArgs,
            @DefaultValue List<String> command,
            @DefaultValue("64") @Positive int pids,
            @DefaultValue("0") @PositiveOrZero int poolSize) {
    }

    /** Limits a request gets when it names none. */
    public record DefaultLimits(
            @DefaultValue("5000") @Positive long timeMs,
            @DefaultValue("256") @Positive long memoryMb,
            @DefaultValue("64") @Positive long outputKb) {
    }
}
