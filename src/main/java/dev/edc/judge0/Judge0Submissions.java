package dev.edc.judge0;

import dev.edc.execution.ExecutionResult;
import dev.edc.execution.ExecutionStatus;
import dev.edc.execution.Signals;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * EDC's record as a Judge0 submission, with the attributes asked for: texts empty as {@code null},
 * times in seconds as strings ({@code "0.087"}), memory in KB, the exit signal as a number, the
 * message isolate would have given. What EDC does not keep after a run (the source, stdin, the
 * limits asked for) is {@code null}. With {@code base64_encoded}, texts are Base64 as Ruby writes
 * it (lines of 60, each ended by a newline).
 */
final class Judge0Submissions {

    private static final Base64.Encoder RUBY_BASE64 = Base64.getMimeEncoder(60, new byte[] {'\n'});

    private final Judge0Languages languages;

    Judge0Submissions(Judge0Languages languages) {
        this.languages = languages;
    }

    Map<String, Object> view(ExecutionResult result, Judge0Fields fields, boolean base64) {
        Map<String, Object> all = attributes(result, base64);
        Map<String, Object> view = new LinkedHashMap<>();
        fields.names().forEach(name -> view.put(name, all.get(name)));
        return view;
    }

    private Map<String, Object> attributes(ExecutionResult result, boolean base64) {
        Judge0Status status = Judge0Status.of(result);
        boolean ran = result.isFinal()
                && result.status() != ExecutionStatus.COMPILATION_ERROR
                && result.status() != ExecutionStatus.INTERNAL_ERROR
                && result.status() != ExecutionStatus.CANCELLED;
        Integer signal = Signals.number(result.signal()).orElse(null);
        Judge0Languages.Judge0Language language =
                languages.of(result.language(), result.version()).orElse(null);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("token", result.uuid());
        attributes.put("language_id", language == null ? null : language.id());
        attributes.put("stdout", text(result.stdout(), base64));
        attributes.put("stderr", text(result.stderr(), base64));
        attributes.put("compile_output", text(result.compileOutput(), base64));
        attributes.put("message", text(message(result, signal), base64));
        attributes.put("status_id", status.id());
        attributes.put("status", status.view());
        attributes.put("language", language);
        attributes.put("time", ran ? seconds(result.timeMs()) : null);
        attributes.put("wall_time", ran ? seconds(result.timeMs()) : null);
        attributes.put("memory", ran ? result.memoryKb() : null);
        attributes.put("exit_code", ran ? (signal != null ? Integer.valueOf(0) : result.exitCode()) : null);
        attributes.put("exit_signal", ran ? signal : null);
        attributes.put("created_at", timestamp(result.queuedAt()));
        attributes.put("queued_at", timestamp(result.queuedAt()));
        attributes.put("started_at", timestamp(result.startedAt()));
        attributes.put("finished_at", timestamp(result.finishedAt()));
        return attributes;
    }

    /** What isolate would have said of how the program ended; the reason for an internal error. */
    private static String message(ExecutionResult result, Integer signal) {
        return switch (result.status()) {
            case TIME_LIMIT_EXCEEDED -> "Time limit exceeded";
            case MEMORY_LIMIT_EXCEEDED -> "Memory limit exceeded";
            case OUTPUT_LIMIT_EXCEEDED -> "Output limit exceeded";
            case RUNTIME_ERROR ->
                signal != null ? "Caught fatal signal " + signal : "Exited with error status " + result.exitCode();
            case INTERNAL_ERROR -> result.message();
            case CANCELLED -> "Cancelled";
            default -> null;
        };
    }

    private static String text(String text, boolean base64) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return base64 ? RUBY_BASE64.encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "\n" : text;
    }

    private static String seconds(Long millis) {
        return millis == null ? null : BigDecimal.valueOf(millis, 3).toPlainString();
    }

    private static String timestamp(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
