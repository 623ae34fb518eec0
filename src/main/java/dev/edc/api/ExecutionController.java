package dev.edc.api;

import dev.edc.Roles;
import dev.edc.access.RequestOwner;
import dev.edc.execution.ExecutionKey;
import dev.edc.execution.ExecutionRequest;
import dev.edc.execution.ExecutionResult;
import dev.edc.execution.ExecutionService;
import dev.edc.execution.ExecutionStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /execute-code} and {@code GET /executions/{uuid}}, as API.md fixes them. The
 * annotations document them in the OpenAPI document; they change nothing of what is answered.
 */
@RestController
@Profile(Roles.API)
@Tag(name = "executions", description = "Run code in a single-use sandbox and read its result")
class ExecutionController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private final ExecutionService executions;

    ExecutionController(ExecutionService executions) {
        this.executions = executions;
    }

    @PostMapping("/execute-code")
    @Operation(summary = "Run code", description = """
            Validates the request, stores it as QUEUED and queues it. Subscribe over STOMP (`/ws`) to \
            `/topic/result/{uuid}` for the result (give your own `uuid` to subscribe before posting) \
            and to `/topic/status/{uuid}` for progress, or read `GET /executions/{uuid}`.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = JSON,
                            schema = @Schema(implementation = ExecutionRequest.class),
                            examples = {
                                @ExampleObject(name = "HelloWorld", value = ApiExamples.HELLO_WORLD_REQUEST),
                                @ExampleObject(name = "every field", value = ApiExamples.FULL_REQUEST),
                                @ExampleObject(name = "several files", value = ApiExamples.FILES_REQUEST),
                                @ExampleObject(name = "test cases", value = ApiExamples.TESTS_REQUEST),
                                @ExampleObject(name = "interactive", value = ApiExamples.INTERACTIVE_REQUEST)
                            }))
    @ApiResponse(
            responseCode = "202",
            description = "Queued: the broker confirmed the job",
            headers =
                    @Header(name = "Location", description = "`/executions/{uuid}`", schema = @Schema(type = "string")),
            content =
                    @Content(
                            mediaType = JSON,
                            schema = @Schema(implementation = Accepted.class),
                            examples = @ExampleObject(value = ApiExamples.ACCEPTED)))
    @ApiResponse(
            responseCode = "200",
            description = "With `wait=true`: the final result, once done within the server's wait bound",
            content =
                    @Content(
                            mediaType = JSON,
                            schema = @Schema(implementation = ExecutionResult.class),
                            examples = @ExampleObject(value = ApiExamples.RESULT)))
    @ApiResponse(
            responseCode = "400",
            description = "Invalid JSON, a missing field, an unknown language or version, a bad uuid, "
                    + "limits above the maximum; nothing was queued",
            content =
                    @Content(
                            mediaType = PROBLEM,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = {
                                @ExampleObject(name = "missing field", value = ApiExamples.MISSING_FIELD),
                                @ExampleObject(name = "unknown language", value = ApiExamples.UNKNOWN_LANGUAGE),
                                @ExampleObject(name = "unknown version", value = ApiExamples.UNKNOWN_VERSION),
                                @ExampleObject(name = "limit above maximum", value = ApiExamples.LIMIT_ABOVE_MAXIMUM)
                            }))
    @ApiResponse(
            responseCode = "409",
            description = "The uuid is already used",
            content =
                    @Content(
                            mediaType = PROBLEM,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = @ExampleObject(value = ApiExamples.UUID_USED)))
    @ApiResponse(
            responseCode = "413",
            description = "The code or stdin is larger than the server accepts",
            content =
                    @Content(
                            mediaType = PROBLEM,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = @ExampleObject(value = ApiExamples.CODE_TOO_LARGE)))
    @ApiResponse(
            responseCode = "429",
            description = "Too many requests or the queue is full; nothing was queued",
            headers = @Header(name = "Retry-After", description = "seconds", schema = @Schema(type = "integer")),
            content =
                    @Content(
                            mediaType = PROBLEM,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = @ExampleObject(value = ApiExamples.QUEUE_FULL)))
    @ApiResponse(
            responseCode = "503",
            description = "The broker or the store is unavailable; nothing was queued",
            headers = @Header(name = "Retry-After", description = "seconds", schema = @Schema(type = "integer")),
            content =
                    @Content(
                            mediaType = PROBLEM,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = @ExampleObject(value = ApiExamples.BROKER_UNAVAILABLE)))
    CompletableFuture<ResponseEntity<?>> execute(
            @Valid @RequestBody ExecutionRequest request,
            @Parameter(description = "answer with the final result (200) if it is done within the server's wait bound")
                    @RequestParam(defaultValue = "false")
                    boolean wait,
            HttpServletRequest http) {
        String owner = RequestOwner.of(http);
        if (!wait) {
            return CompletableFuture.completedFuture(accepted(executions.submit(request, owner)));
        }
        ExecutionService.Submission submission = executions.submitAndWait(request, owner);
        return submission
                .result()
                .thenApply(done -> done.<ResponseEntity<?>>map(ResponseEntity::ok)
                        .orElseGet(() -> accepted(submission.submitted())));
    }

    @GetMapping("/executions/{uuid}")
    @Operation(
            summary = "Read an execution",
            description = "The execution record: the result, or `QUEUED`/`RUNNING` while it is not done.")
    @ApiResponse(
            responseCode = "200",
            description = "The execution record",
            content =
                    @Content(
                            mediaType = JSON,
                            schema = @Schema(implementation = ExecutionResult.class),
                            examples = {
                                @ExampleObject(name = "done", value = ApiExamples.RESULT),
                                @ExampleObject(name = "running", value = ApiExamples.RUNNING)
                            }))
    @ApiResponse(
            responseCode = "404",
            description = "Unknown or expired uuid",
            content =
                    @Content(
                            mediaType = PROBLEM,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = @ExampleObject(value = ApiExamples.NOT_FOUND)))
    @ApiResponse(
            responseCode = "503",
            description = "The store is unavailable",
            content =
                    @Content(
                            mediaType = PROBLEM,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = @ExampleObject(value = ApiExamples.STORE_UNAVAILABLE)))
    ExecutionResult find(@PathVariable String uuid, HttpServletRequest http) {
        return executions.require(new ExecutionKey(RequestOwner.of(http), uuid));
    }

    private static ResponseEntity<?> accepted(ExecutionService.Submitted submitted) {
        return ResponseEntity.accepted()
                .location(URI.create("/executions/" + submitted.queued().uuid()))
                .body(Accepted.of(submitted));
    }

    /** The 202 body: where to look for the result, and the secret that steers the execution (input, cancel). */
    record Accepted(String uuid, ExecutionStatus status, String resultTopic, String controlToken) {

        static Accepted of(ExecutionService.Submitted submitted) {
            String uuid = submitted.queued().uuid();
            return new Accepted(uuid, ExecutionStatus.QUEUED, "/topic/result/" + uuid, submitted.controlToken());
        }
    }
}
