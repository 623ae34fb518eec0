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

/** The body of {@code POST /execute-code}, as API.md fixes it. */
public record ExecutionRequest(
        @Schema(description = "the program's source", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull(message = "is required") String code,
        @Schema(description = "case-insensitive; aliases such as js and node are accepted (GET /languages)",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank(message = "is required") String language,
        @Schema(description = "absent: the language's default version")
        @Pattern(regexp = "\\S{1,32}", message = "must be 1 to 32 characters without spaces") String version,
        @Schema(description = "names the execution everywhere; absent: the server generates a random UUID")
        @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' and '-'")
        String uuid,
        @Schema(description = "text fed to the program's standard input")
        String stdin,
        @Schema(description = "command line arguments")
        List<@NotNull(message = "must not contain null") String> args,
        @Schema(description = "absent values take the language's defaults; a value above the server's maximum is a 400")
        @Valid RequestedLimits limits) {

    /** Limits a request may give; an absent one takes the language's default. */
    public record RequestedLimits(
            @Positive(message = "must be a positive number of milliseconds") Long timeMs,
            @Min(value = 16, message = "must be at least 16 (megabytes)") Long memoryMb,
            @Positive(message = "must be a positive number of kilobytes") Long outputKb) {
    }
}
