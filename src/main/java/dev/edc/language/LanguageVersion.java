package dev.edc.language;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * One runnable language version: everything EDC knows about it is here, so adding a language is
 * a new entry (and maybe a runner image), never code. Commands are shell commands the sandbox's
 * init runs (runners/PROTOCOL.md, "Commands").
 *
 * @param language       canonical lower-case name, e.g. {@code python}
 * @param version        version as clients name it, e.g. {@code 3.13}
 * @param aliases        other names accepted for the language (case-insensitive)
 * @param defaultVersion whether this entry answers requests that give no version
 * @param runtime        what runs the code, as shown by {@code GET /languages}
 * @param image          the runner image (one of {@code edc.sandbox.images})
 * @param sourceFile     name of the program's file when a request sends {@code code} rather than files
 * @param compile        compiles the files in {@code /box}; absent: nothing to compile
 * @param run            runs the program (from {@code /tmp}, its arguments as {@code "$@"})
 * @param warmRunner     a runner that starts with the container and runs single programs faster
 *                       than {@code compile}/{@code run} (runners/PROTOCOL.md, "Warm runners"); empty: none
 * @param pids           process and thread limit inside the sandbox
 * @param poolSize       warm containers kept ready at least while this version's jobs come (0: none until
 *                       its first job); the pool keeps more when they come in bursts (edc.pool)
 * @param compileTimeout bound on the compilation, apart from the program's time limit
 * @param limits         limits a request gets when it names none
 * @param minMemory      the least memory limit a request may ask for (what the compiler and runtime need)
 * @param arguments      whether the program can see command-line arguments (SQL's cannot: a request
 *                       with arguments is refused rather than run without them)
 */
public record LanguageVersion(
        @NotBlank @Pattern(regexp = "[a-z0-9+#-]+") String language,
        @NotBlank String version,
        @DefaultValue List<String> aliases,
        @DefaultValue("false") boolean defaultVersion,
        @NotBlank String runtime,
        @NotBlank String image,
        @NotBlank String sourceFile,
        String compile,
        @NotBlank String run,
        @DefaultValue List<String> warmRunner,
        @DefaultValue("64") @Positive int pids,
        @DefaultValue("0") @PositiveOrZero int poolSize,
        @DefaultValue("15s") Duration compileTimeout,
        @NotNull @Valid Limits limits,
        @DefaultValue("16MB") DataSize minMemory,
        @DefaultValue("true") boolean arguments) {

    /** A human-readable key, e.g. {@code java 17}. */
    public String key() {
        return language + " " + version;
    }

    /** Limits a request gets when it names none. */
    public record Limits(
            @DefaultValue("5s") Duration time,
            @DefaultValue("256MB") DataSize memory,
            @DefaultValue("64KB") DataSize output) {}
}
