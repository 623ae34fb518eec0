package dev.edc.jobe;

import dev.edc.execution.ExecutionProperties;
import dev.edc.execution.ExecutionRequest;
import dev.edc.execution.LanguageAvailability;
import dev.edc.execution.SourceFile;
import dev.edc.language.LanguageRegistry;
import dev.edc.language.LanguageVersion;
import dev.edc.language.UnknownLanguageException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Translates Jobe's {@code run_spec} into an EDC request, checking what Jobe checks, in Jobe's
 * words. The language is a name or alias of a configured language (its default version); the
 * source file keeps its name but takes the language's extension when it has another
 * (CodeRunner names Python {@code __tester__.python3}); support files come from the file cache.
 * Parameters: {@code cputime} (seconds) is EDC's time limit, {@code memorylimit} (MB) its memory
 * limit, {@code streamsize} (MB) its output limit, each within EDC's maxima (0 or absent: the
 * language's default); {@code runargs} are the program's arguments. {@code compileargs},
 * {@code linkargs}, {@code interpreterargs}, {@code numprocs} and {@code disklimit} are not applied:
 * EDC's commands and sandbox are fixed per language.
 */
final class JobeRuns {

    private static final int MIN_FILE_ID_LENGTH = 8;
    private static final String LEGACY_JAVA_NAME = "prog.java";

    private final LanguageRegistry languages;
    private final LanguageAvailability availability;
    private final FileCache files;
    private final ExecutionProperties maxima;

    JobeRuns(
            LanguageRegistry languages,
            LanguageAvailability availability,
            FileCache files,
            ExecutionProperties maxima) {
        this.languages = languages;
        this.availability = availability;
        this.files = files;
        this.maxima = maxima;
    }

    ExecutionRequest toExecution(JsonNode body, String owner) {
        if (!body.isObject()) {
            throw new JobeException(400, "Non-JSON post data received");
        }
        JsonNode run = body.path("run_spec");
        if (!run.isObject()) {
            throw new JobeException(400, "No run_spec attribute found in post data");
        }
        for (String attribute : List.of("sourcecode", "language_id")) {
            if (!run.path(attribute).isValueNode() || run.path(attribute).isNull()) {
                throw new JobeException(400, "run_spec is missing the required attribute '" + attribute + "'");
            }
        }
        LanguageVersion language = language(run.get("language_id").asString());
        JsonNode parameters = run.path("parameters").isObject() ? run.get("parameters") : MissingNode.getInstance();
        Long timeMs = limit(parameters, "cputime", 1000, maxima.maxTime().toMillis(), "secs");
        Long memoryMb = limit(parameters, "memorylimit", 1, maxima.maxMemory().toMegabytes(), "MB");
        Long outputKb = limit(parameters, "streamsize", 1024, maxima.maxOutput().toKilobytes(), "MB");
        List<SourceFile> program = new ArrayList<>();
        program.add(new SourceFile(
                sourceFileName(run.path("sourcefilename"), language),
                run.get("sourcecode").asString()));
        program.addAll(supportFiles(run.path("file_list"), owner));
        return ExecutionRequest.builder()
                .language(language.language())
                .version(language.version())
                .files(program)
                .stdin(run.path("input").isValueNode() ? run.get("input").asString() : null)
                .args(runArgs(parameters.path("runargs")))
                .limits(new ExecutionRequest.RequestedLimits(timeMs, memoryMb, outputKb))
                .build();
    }

    private LanguageVersion language(String id) {
        try {
            LanguageVersion language = languages.require(id, null);
            if (availability.problem(language).isEmpty()) {
                return language;
            }
        } catch (UnknownLanguageException e) {
            // said below, in Jobe's words
        }
        throw new JobeException(400, "Language '" + id + "' is not known");
    }

    /** The source's name: the language's own without one (or for CodeRunner's legacy "prog.java"), else its extension. */
    private static String sourceFileName(JsonNode given, LanguageVersion language) {
        String name = given.isString() ? given.stringValue() : "";
        if (name.isEmpty() || name.equals(LEGACY_JAVA_NAME)) {
            return language.sourceFile();
        }
        String extension = extension(language.sourceFile());
        if (extension.isEmpty() || extension(name).equals(extension)) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + extension;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot) : "";
    }

    /** The files of {@code file_list} ({@code [id, name]} pairs), from the cache: a missing one is Jobe's 404. */
    private List<SourceFile> supportFiles(JsonNode list, String owner) {
        if (!list.isArray()) {
            return List.of();
        }
        List<SourceFile> support = new ArrayList<>();
        for (JsonNode spec : list) {
            if (!validFileSpec(spec)) {
                throw new JobeException(400, "Invalid file specifier: " + spec);
            }
            String id = spec.get(0).stringValue();
            String name = spec.get(1).stringValue();
            byte[] contents = files.get(owner, id)
                    .orElseThrow(
                            () -> new JobeException(404, "One or more of the specified files is missing/unavailable"));
            support.add(new SourceFile(name, utf8(contents, name)));
        }
        return support;
    }

    private static boolean validFileSpec(JsonNode spec) {
        return spec.isArray()
                && (spec.size() == 2 || spec.size() == 3)
                && spec.get(0).isString()
                && spec.get(1).isString()
                && spec.get(0).stringValue().length() >= MIN_FILE_ID_LENGTH
                && spec.get(0).stringValue().matches("[A-Za-z0-9]+")
                && spec.get(1).stringValue().replaceAll("[-_.]", "").matches("[A-Za-z0-9]+");
    }

    private static String utf8(byte[] contents, String name) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(contents))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new JobeException(
                    400, "File " + name + " is not UTF-8 text: this server runs programs made of text files");
        }
    }

    /**
     * A numeric parameter in EDC's unit (the parameter's unit times {@code factor}), checked against
     * EDC's maximum; null (the language's default) when absent, 0, or not a number (Jobe then uses
     * its default too).
     */
    private static Long limit(JsonNode parameters, String name, long factor, long maximum, String unit) {
        JsonNode value = parameters.path(name);
        BigDecimal number;
        try {
            number = value.isNumber()
                    ? value.decimalValue()
                    : value.isString() ? new BigDecimal(value.stringValue().strip()) : null;
        } catch (NumberFormatException e) {
            number = null;
        }
        if (number == null || number.signum() <= 0) {
            return null;
        }
        BigDecimal converted = number.multiply(BigDecimal.valueOf(factor)).setScale(0, RoundingMode.CEILING);
        if (converted.compareTo(BigDecimal.valueOf(maximum)) > 0) {
            String most = BigDecimal.valueOf(maximum)
                    .divide(BigDecimal.valueOf(factor))
                    .stripTrailingZeros()
                    .toPlainString();
            throw new JobeException(
                    400, name + " exceeds maximum allowed on this Jobe server (" + most + " " + unit + ")");
        }
        return converted.longValueExact();
    }

    private static List<String> runArgs(JsonNode runargs) {
        List<String> args = new ArrayList<>();
        if (runargs.isArray()) {
            runargs.forEach(arg -> {
                if (arg.isValueNode() && !arg.isNull()) {
                    args.add(arg.asString());
                }
            });
        }
        return args;
    }
}
