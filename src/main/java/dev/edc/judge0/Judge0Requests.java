package dev.edc.judge0;

import dev.edc.execution.Compare;
import dev.edc.execution.ExecutionProperties;
import dev.edc.execution.ExecutionRequest;
import dev.edc.execution.SourceFile;
import dev.edc.language.LanguageVersion;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Translates a Judge0 submission into an EDC request, or says in Judge0's words (by attribute)
 * why not. Values are read as Rails reads them: numbers may come as strings, unknown attributes
 * are ignored. {@code additional_files} (a Base64 zip) become files beside the program's own.
 * {@code expected_output} is compared as Judge0 compares it (each line's trailing
 * whitespace and the trailing blank lines ignored: EDC's {@code trim}); {@code callback_url} goes
 * to EDC's webhooks, in Judge0's format ({@link Judge0CallbackBody}). Limits: the lower of
 * {@code cpu_time_limit} and {@code wall_time_limit} is EDC's (wall-clock) time limit,
 * {@code memory_limit} (KB) its memory limit, each within EDC's maxima;
 * the limits EDC's sandbox fixes itself ({@code stack_limit}, {@code max_file_size},
 * {@code max_processes_and_or_threads}, {@code cpu_extra_time}, {@code number_of_runs}) are
 * checked for their type and sign, and not applied.
 */
final class Judge0Requests {

    private static final long JUDGE0_MIN_MEMORY_KB = 2048;

    private final Judge0Languages languages;
    private final ExecutionProperties maxima;
    private final Validator validator;

    Judge0Requests(Judge0Languages languages, ExecutionProperties maxima, Validator validator) {
        this.languages = languages;
        this.maxima = maxima;
        this.validator = validator;
    }

    ExecutionRequest toExecution(JsonNode submission, boolean base64) {
        Judge0Attributes attributes = new Judge0Attributes(submission);
        String source = attributes.text("source_code", base64);
        if (source == null || source.isBlank()) {
            attributes.error("source_code", "can't be blank");
        }
        Optional<LanguageVersion> language = language(attributes);
        BigDecimal cpu = attributes.number("cpu_time_limit", BigDecimal.ZERO, true, maxSeconds());
        BigDecimal wall = attributes.number("wall_time_limit", BigDecimal.ONE, true, maxSeconds());
        BigDecimal memoryKb = attributes.number(
                "memory_limit",
                BigDecimal.valueOf(JUDGE0_MIN_MEMORY_KB),
                true,
                BigDecimal.valueOf(maxima.maxMemory().toKilobytes()));
        attributes.number("number_of_runs", BigDecimal.ZERO, false, null);
        attributes.number("cpu_extra_time", BigDecimal.ZERO, true, null);
        attributes.number("stack_limit", BigDecimal.ZERO, true, null);
        attributes.number("max_processes_and_or_threads", BigDecimal.ZERO, false, null);
        attributes.number("max_file_size", BigDecimal.ZERO, true, null);
        String compilerOptions = attributes.text("compiler_options", false);
        String arguments = attributes.text("command_line_arguments", false);
        attributes.maxLength("compiler_options", compilerOptions);
        attributes.maxLength("command_line_arguments", arguments);
        refuseWhatEdcCannotDo(attributes, compilerOptions);
        String stdin = attributes.text("stdin", base64);
        String expectedOutput = attributes.text("expected_output", base64);
        String callbackUrl = attributes.text("callback_url", false);
        List<SourceFile> additional = additionalFiles(attributes);
        if (!attributes.errors().isEmpty()) {
            throw new Judge0InvalidException(attributes.errors());
        }
        ExecutionRequest.ExecutionRequestBuilder request = ExecutionRequest.builder()
                .language(language.orElseThrow().language())
                .version(language.orElseThrow().version());
        if (additional.isEmpty()) {
            request.code(source);
        } else {
            List<SourceFile> files = new ArrayList<>();
            files.add(new SourceFile(language.orElseThrow().sourceFile(), source));
            files.addAll(additional);
            request.files(files);
        }
        ExecutionRequest execution = request.stdin(stdin)
                .args(arguments == null ? List.of() : CommandLine.split(arguments))
                .limits(new ExecutionRequest.RequestedLimits(timeMs(cpu, wall), memoryMb(memoryKb), null))
                .expectedOutput(expectedOutput)
                .compare(expectedOutput == null ? null : Compare.TRIM.jsonName())
                .callbackUrl(callbackUrl == null || callbackUrl.isBlank() ? null : callbackUrl)
                .build();
        requireValid(execution);
        return execution;
    }

    private Optional<LanguageVersion> language(Judge0Attributes attributes) {
        JsonNode id = attributes.submission().path("language_id");
        if (id.isMissingNode() || id.isNull() || id.asString().isBlank()) {
            attributes.error("language_id", "can't be blank");
            return Optional.empty();
        }
        Optional<LanguageVersion> language = Optional.ofNullable(Judge0Attributes.decimal(id))
                .filter(number -> number.stripTrailingZeros().scale() <= 0)
                .flatMap(number -> languages.find(number.intValue()));
        if (language.isEmpty()) {
            attributes.error("language_id", "language with id " + id.asString() + " doesn't exist");
        }
        return language;
    }

    /** What Judge0 can be configured to refuse and EDC cannot do, refused with Judge0's own words for it. */
    private static void refuseWhatEdcCannotDo(Judge0Attributes attributes, String compilerOptions) {
        if (compilerOptions != null && !compilerOptions.isBlank()) {
            attributes.error("compiler_options", "setting compiler options is not allowed");
        }
        if (attributes.flag("enable_network")) {
            attributes.error("enable_network", "enabling network is not allowed");
        }
        if (attributes.flag("redirect_stderr_to_stdout")) {
            attributes.error(
                    "redirect_stderr_to_stdout",
                    "redirecting stderr to stdout is not allowed (this server keeps the two streams apart)");
        }
    }

    /** EDC's own rules for what a submission became (the additional files' names, how many), said by attribute. */
    private void requireValid(ExecutionRequest execution) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (ConstraintViolation<ExecutionRequest> violation : validator.validate(execution)) {
            String path = violation.getPropertyPath().toString();
            errors.computeIfAbsent(path.startsWith("files") ? "additional_files" : "base", a -> new ArrayList<>())
                    .add(path + " " + violation.getMessage());
        }
        if (!errors.isEmpty()) {
            throw new Judge0InvalidException(errors);
        }
    }

    /** The files of {@code additional_files} (always Base64, as in Judge0), after the program's own. */
    private List<SourceFile> additionalFiles(Judge0Attributes attributes) {
        String archive = attributes.text("additional_files", false);
        if (archive == null || archive.isBlank()) {
            return List.of();
        }
        try {
            return AdditionalFiles.unzip(archive, maxima.maxCodeSize().toBytes());
        } catch (IllegalArgumentException e) {
            attributes.error("additional_files", e.getMessage());
            return List.of();
        }
    }

    private BigDecimal maxSeconds() {
        return BigDecimal.valueOf(maxima.maxTime().toMillis()).movePointLeft(3);
    }

    /** The lower of the CPU and wall-clock limits, in milliseconds; a CPU limit of 0 is none. */
    private static Long timeMs(BigDecimal cpu, BigDecimal wall) {
        Long cpuMs = cpu == null || cpu.signum() == 0 ? null : millis(cpu);
        Long wallMs = wall == null ? null : millis(wall);
        if (cpuMs == null || wallMs == null) {
            return cpuMs == null ? wallMs : cpuMs;
        }
        return Math.min(cpuMs, wallMs);
    }

    private static long millis(BigDecimal seconds) {
        return seconds.movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    private static Long memoryMb(BigDecimal kilobytes) {
        return kilobytes == null
                ? null
                : kilobytes
                        .divide(BigDecimal.valueOf(1024), 0, RoundingMode.CEILING)
                        .longValueExact();
    }
}
