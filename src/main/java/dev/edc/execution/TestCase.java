package dev.edc.execution;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A test case of a submission: its input, and the output it must give (absent: it passes when the
 * program succeeds).
 */
public record TestCase(
        @Schema(description = "a name to recognise the case by", example = "small")
        @Size(max = 128, message = "must be at most 128 characters")
        String name,

        @Schema(description = "the case's standard input") String stdin,

        @Schema(description = "the case's arguments; absent: the submission's")
        List<@NotNull(message = "must not contain null") String> args,

        @Schema(description = "what the program must print on stdout, compared as `compare` says")
        String expectedOutput) {}
