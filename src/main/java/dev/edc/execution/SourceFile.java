package dev.edc.execution;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A file of a program sent as several files: a relative path and its text. */
public record SourceFile(
        @Schema(
                description = "a relative path of [A-Za-z0-9._-] segments separated by '/', no '..'",
                example = "Main.java")
        @NotNull(message = "is required")
        @Pattern(
                regexp = PATH,
                message =
                        "must be a relative path of [A-Za-z0-9._-] segments separated by '/', without '.' or '..' segments")
        String name,

        @Schema(description = "the file's text") @NotNull(message = "is required")
        String content) {

    static final String PATH = "(?!.*(^|/)\\.{1,2}(/|$))[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*";
}
