package dev.edc.judge0;

import dev.edc.execution.QueueFullException;
import dev.edc.execution.RequestRejectedException;
import dev.edc.execution.ServiceUnavailableException;
import dev.edc.language.UnknownLanguageException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors on Judge0's paths in Judge0's shapes: an invalid submission is {@code 422} with its errors
 * by attribute (what EDC refuses too, under the attribute it came from), a bad request
 * {@code 400 {"error"}}, an unknown token Rails' {@code 404}, a full queue Judge0's
 * {@code 503 {"error": "queue is full"}}.
 */
@RestControllerAdvice(assignableTypes = Judge0Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Judge0Errors {

    private static final String RETRY_AFTER_SECONDS = "5";

    /** EDC's request members and the Judge0 attributes they come from. */
    private static final Map<String, String> ATTRIBUTES = Map.of(
            "code", "source_code",
            "files", "additional_files",
            "stdin", "stdin",
            "args", "command_line_arguments",
            "limits.timeMs", "wall_time_limit",
            "limits.memoryMb", "memory_limit",
            "expectedOutput", "expected_output",
            "callbackUrl", "callback_url");

    @ExceptionHandler
    ResponseEntity<Map<String, List<String>>> invalid(Judge0InvalidException e) {
        return ResponseEntity.unprocessableContent().body(e.errors());
    }

    @ExceptionHandler
    ResponseEntity<?> rejected(RequestRejectedException e) {
        if (e.reason() == RequestRejectedException.Reason.NOT_FOUND) {
            return notFound();
        }
        return ResponseEntity.unprocessableContent().body(errorsOf(e));
    }

    @ExceptionHandler
    ResponseEntity<Map<String, List<String>>> unknownLanguage(UnknownLanguageException e) {
        return ResponseEntity.unprocessableContent().body(Map.of("language_id", List.of(e.getMessage())));
    }

    @ExceptionHandler
    ResponseEntity<Map<String, String>> badRequest(Judge0BadRequestException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<Map<String, String>> queueFull(QueueFullException e) {
        return unavailable("queue is full");
    }

    @ExceptionHandler
    ResponseEntity<Map<String, String>> unavailable(ServiceUnavailableException e) {
        return unavailable(e.getMessage());
    }

    /** What EDC refused, under the Judge0 attribute it came from ({@code base}: the submission as a whole). */
    static Map<String, List<String>> errorsOf(RequestRejectedException e) {
        String attribute = e.field().map(ATTRIBUTES::get).orElse("base");
        Map<String, List<String>> errors = new LinkedHashMap<>();
        errors.put(attribute == null ? "base" : attribute, List.of(e.getMessage()));
        return errors;
    }

    static ResponseEntity<Map<String, Object>> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("status", 404, "error", "Not Found"));
    }

    private static ResponseEntity<Map<String, String>> unavailable(String error) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(Map.of("error", error));
    }
}
