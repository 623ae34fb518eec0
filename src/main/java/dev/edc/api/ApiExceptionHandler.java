package dev.edc.api;

import dev.edc.execution.QueueFullException;
import dev.edc.execution.RequestRejectedException;
import dev.edc.execution.ServiceUnavailableException;
import dev.edc.language.UnknownLanguageException;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as an RFC 9457 problem detail whose {@code detail} says what to change: what the
 * domain refuses (a request it cannot run, a full queue, a broker or store that is down) gets its
 * HTTP status here, and Spring's own failures (unreadable or invalid bodies) get their words.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler({
        RequestRejectedException.class,
        UnknownLanguageException.class,
        QueueFullException.class,
        ServiceUnavailableException.class
    })
    ResponseEntity<ProblemDetail> refused(RuntimeException refusal) {
        ProblemDetail problem = ProblemDetails.of(refusal).orElseThrow();
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus());
        if (ProblemDetails.isRetryable(HttpStatus.valueOf(problem.getStatus()))) {
            response.header(HttpHeaders.RETRY_AFTER, ProblemDetails.RETRY_AFTER_SECONDS);
        }
        return response.body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = ex.getBindingResult().getFieldErrors().stream()
                .map(ApiExceptionHandler::describe)
                .sorted()
                .collect(Collectors.joining("; "));
        return badRequest(ex, headers, "Invalid request", detail + ".", request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return badRequest(
                ex, headers, "Malformed request body", UnreadableBody.describe(ex.getMostSpecificCause()), request);
    }

    private ResponseEntity<Object> badRequest(
            Exception ex, HttpHeaders headers, String title, String detail, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        body.setTitle(title);
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static String describe(FieldError error) {
        return error.getField() + " " + error.getDefaultMessage();
    }
}
