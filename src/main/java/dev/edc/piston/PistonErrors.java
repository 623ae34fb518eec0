package dev.edc.piston;

import dev.edc.execution.QueueFullException;
import dev.edc.execution.RequestRejectedException;
import dev.edc.execution.ServiceUnavailableException;
import dev.edc.language.UnknownLanguageException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors on Piston's paths in Piston's shape, {@code {"message": ...}}: what Piston or EDC refuses is
 * a {@code 400}; a full queue {@code 429} and a broker or store that is down {@code 503}, both with
 * {@code Retry-After}.
 */
@RestControllerAdvice(assignableTypes = PistonController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PistonErrors {

    private static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler
    ResponseEntity<PistonApi.Message> invalid(PistonRequestException e) {
        return ResponseEntity.status(e.status()).body(new PistonApi.Message(e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<PistonApi.Message> rejected(RequestRejectedException e) {
        return ResponseEntity.badRequest().body(new PistonApi.Message(e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<PistonApi.Message> unknownLanguage(UnknownLanguageException e) {
        return ResponseEntity.badRequest().body(new PistonApi.Message(e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<PistonApi.Message> queueFull(QueueFullException e) {
        return retryLater(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<PistonApi.Message> unavailable(ServiceUnavailableException e) {
        return retryLater(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }

    private static ResponseEntity<PistonApi.Message> retryLater(HttpStatus status, String message) {
        return ResponseEntity.status(status)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(new PistonApi.Message(message));
    }
}
