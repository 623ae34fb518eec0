package dev.edc.jobe;

import dev.edc.execution.QueueFullException;
import dev.edc.execution.RequestRejectedException;
import dev.edc.execution.ServiceUnavailableException;
import dev.edc.language.UnknownLanguageException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors on Jobe's paths as Jobe answers them: the HTTP status and a JSON string. What EDC refuses is
 * a {@code 400} (an unknown execution a {@code 404}); a full queue is the outcome "server overload"
 * (a {@code 200}, as Jobe answers when all its users are busy); a store or broker that is down is
 * Jobe's {@code 500 "Server exception (...)"}.
 */
@RestControllerAdvice(assignableTypes = JobeController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class JobeErrors {

    private final JsonMapper json;

    JobeErrors(JsonMapper json) {
        this.json = json;
    }

    @ExceptionHandler
    ResponseEntity<String> refused(JobeException e) {
        return message(e.status(), e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<String> rejected(RequestRejectedException e) {
        return message(e.reason() == RequestRejectedException.Reason.NOT_FOUND ? 404 : 400, e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<String> unknownLanguage(UnknownLanguageException e) {
        return message(400, e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<JobeOutcome> queueFull(QueueFullException e) {
        return ResponseEntity.ok(JobeOutcome.overload(null));
    }

    @ExceptionHandler
    ResponseEntity<String> unavailable(ServiceUnavailableException e) {
        return message(500, "Server exception (" + e.getMessage() + ")");
    }

    @ExceptionHandler
    ResponseEntity<String> storeDown(DataAccessException e) {
        return message(500, "Server exception (the file cache (Redis) is unavailable)");
    }

    /** A JSON string, as Jobe's REST controller writes a message. */
    private ResponseEntity<String> message(int status, String text) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(text));
    }
}
