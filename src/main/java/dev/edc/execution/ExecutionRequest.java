package dev.edc.execution;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import lombok.Builder;

/**
 * The body of {@code POST /execute-code}, as API.md fixes it. A field it does not know is refused
 * (a typo must not be silently ignored: {@code dev.edc.api.StrictJson}).
 */
@Builder(toBuilder = true)
public record ExecutionRequest(
        @Schema(description = "the program's source (or files)")
        String code,

        @Schema(description = "the program as several files, the entry point first (instead of code)")
        @Size(max = 64, message = "may hold at most 64 files")
        List<@NotNull(message = "must not contain null") @Valid SourceFile> files,

        @Schema(
                description = "case-insensitive; aliases such as js and node are accepted (GET /languages)",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank(message = "is required")
        String language,

        @Schema(description = "absent: the language's default version")
        @Pattern(regexp = "\\S{1,32}", message = "must be 1 to 32 characters without spaces")
        String version,

        @Schema(description = "names the execution everywhere; absent: the server generates a random UUID")
        @Pattern(
                regexp = UUID,
                message =
                        "must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' and '-', with at least one letter or digit")
        String uuid,

        @Schema(description = "text fed to the program's standard input")
        String stdin,

        @Schema(description = "command line arguments") List<@NotNull(message = "must not contain null") String> args,

        @Schema(description = "absent values take the language's defaults; a value above the server's maximum is a 400")
        @Valid
        RequestedLimits limits,

        @Schema(
                description =
                        "test cases: the program is compiled once and run once per case, each with its own verdict")
        @Size(min = 1, max = 100, message = "must hold 1 to 100 cases")
        List<@NotNull(message = "must not contain null") @Valid TestCase> tests,

        @Schema(description = "how outputs are compared with expected ones: exact (default), trim, tokens or float")
        @Pattern(regexp = Compare.NAMES, message = "must be one of exact, trim, tokens, float")
        String compare,

        @Schema(description = "with compare float: how far apart two numbers may be (default 1e-6)")
        @Positive(message = "must be a positive number")
        Double epsilon,

        @Schema(description = "for a single run: what it must print on stdout (a mismatch is WRONG_ANSWER)")
        String expectedOutput,

        @Schema(description = "http(s) URL the final result is POSTed to, signed (X-EDC-Signature)")
        @Size(max = 2048, message = "must be at most 2048 characters")
        String callbackUrl,

        @Schema(description = "stdin stays open for more input (POST /executions/{uuid}/stdin, or STOMP)")
        Boolean interactive) {

    /** A uuid: safe in a topic, a Redis key and a label, and never only dots. */
    public static final String UUID = "(?=.*[A-Za-z0-9])[A-Za-z0-9._-]{1,64}";

    /** Limits a request may give; an absent one takes the language's default. */
    public record RequestedLimits(
            @Positive(message = "must be a positive number of milliseconds")
            Long timeMs,

            @Min(value = 16, message = "must be at least 16 (megabytes)")
            Long memoryMb,

            @Positive(message = "must be a positive number of kilobytes")
            Long outputKb) {}
}
