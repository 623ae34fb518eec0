package dev.edc.operations;

import dev.edc.Roles;
import dev.edc.access.RequestOwner;
import dev.edc.execution.ExecutionHistory;
import dev.edc.execution.ExecutionStatus;
import dev.edc.execution.ExecutionSummary;
import dev.edc.execution.RecentExecutions;
import dev.edc.execution.RequestRejectedException;
import dev.edc.execution.ServiceUnavailableException;
import dev.edc.language.LanguageRegistry;
import dev.edc.queue.QueueState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operational endpoints of API.md ("Operations"): workers, queue, recent executions, and the
 * admin page's overview. With {@code EDC_ADMIN_KEYS} set they need an admin key (checked before
 * they are reached). {@code GET /executions} with {@code uuids} is not this listing: it reads
 * executions by uuid, for their owner.
 */
@RestController
@Profile(Roles.API)
@Tag(name = "operations", description = "Workers, queue and recent executions (admin key when EDC_ADMIN_KEYS is set)")
class OperationsController {

    static final int DEFAULT_LIMIT = 100;

    private final Operations operations;
    private final ExecutionHistory history;
    private final LanguageRegistry languages;

    OperationsController(Operations operations, ExecutionHistory history, LanguageRegistry languages) {
        this.operations = operations;
        this.history = history;
        this.languages = languages;
    }

    @GetMapping("/workers")
    @Operation(
            summary = "List the workers that are up",
            description = "Each worker reports itself every few seconds; one that stops (even killed) drops out "
                    + "within three heartbeats (15 s by default).")
    @ApiResponse(responseCode = "200", description = "The workers up, by id")
    @OperatorResponses
    List<WorkerStatus> workers() {
        return operations.workers();
    }

    @GetMapping("/queue")
    @Operation(
            summary = "The job queue",
            description = "Jobs waiting, consumers and dead letters as the broker counts them, read at most every 2 s.")
    @ApiResponse(responseCode = "200", description = "The job queue as the broker counts it")
    @OperatorResponses
    QueueState queue() {
        return operations.queue();
    }

    @GetMapping(value = "/executions", params = "!uuids")
    @Operation(
            summary = "List the most recent executions",
            description = "Newest first, within the result TTL, without their outputs (read one with "
                    + "`GET /executions/{uuid}`). With API keys on, an admin sees every owner's (`owner` names "
                    + "the key), anyone else only their own.")
    @ApiResponse(responseCode = "200", description = "The most recent executions that match, newest first")
    @ApiResponse(
            responseCode = "400",
            description = "An unknown status or language, a limit out of 1 to 1000",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @OperatorResponses
    List<ExecutionSummary> recent(
            @Parameter(description = "only this status, e.g. INTERNAL_ERROR") @RequestParam(required = false)
                    String status,
            @Parameter(description = "only this language (a name or an alias)") @RequestParam(required = false)
                    String language,
            @Parameter(description = "at most this many, 1 to 1000") @RequestParam(defaultValue = "" + DEFAULT_LIMIT)
                    int limit,
            HttpServletRequest http) {
        RecentExecutions query = new RecentExecutions(
                RequestOwner.seesEveryOwner(http) ? null : RequestOwner.of(http),
                status(status),
                language == null ? null : languages.require(language, null).language(),
                limit(limit));
        try {
            return history.recent(query);
        } catch (DataAccessException e) {
            throw new ServiceUnavailableException("The store (Redis) is unavailable.", e);
        }
    }

    @GetMapping("/admin/overview")
    @Operation(
            summary = "What the admin page shows",
            description = "Workers, queue, and executions finished per minute; pushed on the STOMP topic "
                    + "`/topic/admin` every 2 s while an admin page follows it.")
    @ApiResponse(responseCode = "200", description = "Workers, queue, executions finished per minute")
    @OperatorResponses
    Overview overview() {
        return operations.overview();
    }

    private static ExecutionStatus status(String status) {
        if (status == null) {
            return null;
        }
        return Arrays.stream(ExecutionStatus.values())
                .filter(value -> value.name().equals(status.toUpperCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> RequestRejectedException.invalid(
                        "Unknown status",
                        "status '" + status + "' is not one of "
                                + Arrays.stream(ExecutionStatus.values())
                                        .map(Enum::name)
                                        .collect(Collectors.joining(", "))
                                + "."));
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > RecentExecutions.MAX_LIMIT) {
            throw RequestRejectedException.invalid(
                    "Invalid limit",
                    "limit is " + limit + " but must be between 1 and " + RecentExecutions.MAX_LIMIT + ".");
        }
        return limit;
    }
}
