package dev.edc.piston;

import dev.edc.execution.ExecutionProperties;
import dev.edc.execution.ExecutionRequest;
import dev.edc.execution.SourceFile;
import dev.edc.language.LanguageVersion;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Translates the body of Piston's {@code POST /api/v2/execute} into an EDC request, checking what
 * Piston checks, in Piston's words. Limits: {@code run_timeout} (and {@code run_cpu_time}, the
 * lower of the two) is EDC's time limit, {@code run_memory_limit} its memory limit, each within
 * EDC's maxima; {@code -1} (or 0, or absent) takes the language's default.
 */
final class PistonRequests {

    private static final Set<String> ENCODINGS = Set.of("utf8", "base64", "hex");
    private static final long MEGABYTE = 1024 * 1024;

    private final ExecutionProperties maxima;

    PistonRequests(ExecutionProperties maxima) {
        this.maxima = maxima;
    }

    /** The language and version selector, checked as Piston checks them before it looks for the runtime. */
    static Selection selection(JsonNode body) {
        if (!body.path("language").isString()) {
            throw new PistonRequestException("language is required as a string");
        }
        if (!body.path("version").isString()) {
            throw new PistonRequestException("version is required as a string");
        }
        JsonNode files = body.path("files");
        if (!files.isArray()) {
            throw new PistonRequestException("files is required as an array");
        }
        for (int i = 0; i < files.size(); i++) {
            if (!files.get(i).path("content").isString()) {
                throw new PistonRequestException("files[" + i + "].content is required as a string");
            }
        }
        return new Selection(
                body.get("language").stringValue(), body.get("version").stringValue());
    }

    ExecutionRequest toExecution(JsonNode body, LanguageVersion runtime) {
        List<SourceFile> files = files(body.path("files"), runtime);
        Long timeMs = lowest(
                limit(body, "run_timeout", maxima.maxTime().toMillis()),
                limit(body, "run_cpu_time", maxima.maxTime().toMillis()));
        limit(body, "compile_timeout", Long.MAX_VALUE);
        limit(body, "compile_cpu_time", Long.MAX_VALUE);
        limit(body, "compile_memory_limit", maxima.maxMemory().toBytes());
        Long memoryBytes = limit(body, "run_memory_limit", maxima.maxMemory().toBytes());
        return ExecutionRequest.builder()
                .language(runtime.language())
                .version(runtime.version())
                .files(files)
                .stdin(stdin(body.path("stdin")))
                .args(runtime.arguments() ? args(body.path("args")) : List.of())
                .limits(new ExecutionRequest.RequestedLimits(
                        timeMs, memoryBytes == null ? null : ceilDiv(memoryBytes, MEGABYTE), null))
                .build();
    }

    /**
     * The files, decoded, the first UTF-8 one first (Piston runs its first text file). A file
     * without a name is the language's source file when it is the one run, {@code file<i>.code}
     * otherwise, as Piston names it.
     */
    private static List<SourceFile> files(JsonNode files, LanguageVersion runtime) {
        int entry = -1;
        for (int i = 0; i < files.size() && entry < 0; i++) {
            if (encoding(files.get(i)).equals("utf8")) {
                entry = i;
            }
        }
        if (entry < 0) {
            throw new PistonRequestException("files must include at least one utf8 encoded file");
        }
        List<SourceFile> decoded = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            JsonNode file = files.get(i);
            String name = file.path("name").isString()
                    ? file.get("name").stringValue()
                    : i == entry ? runtime.sourceFile() : "file" + i + ".code";
            decoded.add(new SourceFile(name, content(file, i)));
        }
        SourceFile first = decoded.remove(entry);
        return Stream.concat(Stream.of(first), decoded.stream()).toList();
    }

    private static String encoding(JsonNode file) {
        String encoding =
                file.path("encoding").isString() ? file.get("encoding").stringValue() : "utf8";
        return ENCODINGS.contains(encoding) ? encoding : "utf8";
    }

    private static String content(JsonNode file, int index) {
        String content = file.get("content").stringValue();
        try {
            return switch (encoding(file)) {
                case "base64" -> utf8(Base64.getMimeDecoder().decode(content), index);
                case "hex" -> utf8(HexFormat.of().parseHex(content), index);
                default -> content;
            };
        } catch (IllegalArgumentException e) {
            throw new PistonRequestException(
                    "files[" + index + "].content is not valid " + encoding(file) + ": " + e.getMessage());
        }
    }

    private static String utf8(byte[] bytes, int index) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new PistonRequestException("files[" + index
                    + "].content is not UTF-8 text once decoded: this server runs programs made of text files");
        }
    }

    /** Piston ends stdin with a newline when it has none. */
    private static String stdin(JsonNode stdin) {
        String text = stdin.isString() ? stdin.stringValue() : "";
        return text.endsWith("\n") ? text : text + "\n";
    }

    private static List<String> args(JsonNode args) {
        if (args.isMissingNode() || args.isNull()) {
            return List.of();
        }
        if (!args.isArray()) {
            throw new PistonRequestException("If specified, args must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode arg : args) {
            if (!arg.isValueNode() || arg.isNull()) {
                throw new PistonRequestException("If specified, args must be an array of strings");
            }
            values.add(arg.asString());
        }
        return values;
    }

    /** A limit as Piston checks it; null for EDC's default (absent, 0 or -1). */
    private static Long limit(JsonNode body, String name, long maximum) {
        JsonNode value = body.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw new PistonRequestException("If specified, " + name + " must be a number");
        }
        long number = (long) Math.ceil(value.doubleValue());
        if (number == 0 || number == -1) {
            return null;
        }
        if (number > maximum) {
            throw new PistonRequestException(name + " cannot exceed the configured limit of " + maximum);
        }
        if (number < 0) {
            throw new PistonRequestException(name + " must be non-negative");
        }
        return number;
    }

    private static Long lowest(Long a, Long b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return Math.min(a, b);
    }

    private static long ceilDiv(long value, long unit) {
        return (value + unit - 1) / unit;
    }

    /** What a request asks for: a language (or alias) and a version selector. */
    record Selection(String language, String version) {}
}
