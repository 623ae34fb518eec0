package dev.edc.api;

import dev.edc.Roles;
import dev.edc.access.RequestOwner;
import dev.edc.execution.ExecutionKey;
import dev.edc.execution.ExecutionResult;
import dev.edc.execution.ExecutionService;
import dev.edc.execution.ExecutionStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Steering an execution with the controlToken its submission answered: more input for an
 * interactive program, and cancel (API.md: "Live output, interactive input, cancel").
 */
@RestController
@Profile(Roles.API)
@Tag(name = "executions", description = "Run code in a single-use sandbox and read its result")
class ExecutionControlController {

    static final String TOKEN_HEADER = "X-Control-Token";
    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private final ExecutionService executions;

    ExecutionControlController(ExecutionService executions) {
        this.executions = executions;
    }

    @PostMapping(path = "/executions/{uuid}/stdin", consumes = MediaType.ALL_VALUE)
    @Operation(summary = "Type into an interactive program", description = """
            Appends the body (text) to the stdin of an execution submitted with `"interactive": true`, \
            after what it already received, whichever API node takes it; `eof=true` ends its stdin.""")
    @ApiResponse(responseCode = "204", description = "Taken: it reaches the program in order")
    @ApiResponse(
            responseCode = "403",
            description = "Missing or wrong X-Control-Token: nothing changed",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "404",
            description = "Unknown or expired uuid",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The execution has finished, or is not interactive",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "413",
            description = "Its input in all would pass the stdin limit",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<Void> input(
            @PathVariable String uuid,
            @Parameter(description = "the controlToken the submission answered")
                    @RequestHeader(name = TOKEN_HEADER, required = false)
                    String token,
            @Parameter(description = "end the program's stdin after this input") @RequestParam(defaultValue = "false")
                    boolean eof,
            @RequestBody(required = false) byte[] input,
            HttpServletRequest http) {
        executions.input(
                new ExecutionKey(RequestOwner.of(http), uuid), token, input == null ? new byte[0] : input, eof);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/executions/{uuid}/cancel")
    @Operation(summary = "Cancel an execution", description = """
            A queued execution never runs; a running one is stopped within a second. Either ends \
            CANCELLED (stored, and pushed on its result topic once).""")
    @ApiResponse(responseCode = "200", description = "Cancelled: the record, CANCELLED")
    @ApiResponse(responseCode = "202", description = "Running: its worker stops it; the result follows, CANCELLED")
    @ApiResponse(
            responseCode = "403",
            description = "Missing or wrong X-Control-Token: nothing changed",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "404",
            description = "Unknown or expired uuid",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The execution has finished",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<ExecutionResult> cancel(
            @PathVariable String uuid,
            @Parameter(description = "the controlToken the submission answered")
                    @RequestHeader(name = TOKEN_HEADER, required = false)
                    String token,
            HttpServletRequest http) {
        ExecutionResult record = executions.cancel(new ExecutionKey(RequestOwner.of(http), uuid), token);
        return record.status() == ExecutionStatus.CANCELLED
                ? ResponseEntity.ok(record)
                : ResponseEntity.accepted().body(record);
    }
}
