package dev.edc.piston;

import dev.edc.Roles;
import dev.edc.access.RequestOwner;
import dev.edc.execution.ExecutionProperties;
import dev.edc.execution.ExecutionRequest;
import dev.edc.execution.ExecutionService;
import dev.edc.language.LanguageVersion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Piston's v2 API: {@code GET /api/v2/runtimes} and a synchronous {@code POST /api/v2/execute}. The
 * body is read as JSON whatever its content type (the {@code piston-client} package sends it as
 * text), and unknown fields are ignored, as Piston does.
 */
@RestController
@Profile(Roles.API)
@ConditionalOnBooleanProperty(name = PistonProperties.ENABLED, matchIfMissing = true)
@RequestMapping(PistonApi.PATH)
@Tag(
        name = "Piston",
        description = "Piston's v2 API for Piston's clients: give them `http://<host>:<port>` as the server"
                + " (they add `/api/v2`). Errors are `{\"message\": ...}`.")
class PistonController {

    private final PistonRuntimes runtimes;
    private final PistonRequests requests;
    private final ExecutionService executions;
    private final Validator validator;
    private final JsonMapper json;
    private final ExecutionProperties properties;

    PistonController(
            PistonRuntimes runtimes,
            ExecutionService executions,
            Validator validator,
            JsonMapper json,
            ExecutionProperties properties) {
        this.runtimes = runtimes;
        this.requests = new PistonRequests(properties);
        this.executions = executions;
        this.validator = validator;
        this.json = json;
        this.properties = properties;
    }

    @GetMapping("/runtimes")
    @Operation(summary = "Piston: list the runtimes", description = "One entry per runnable language version.")
    @ApiResponse(
            responseCode = "200",
            description = "The runtimes",
            content =
                    @Content(
                            mediaType = "application/json",
                            array = @ArraySchema(schema = @Schema(implementation = PistonRuntimes.PistonRuntime.class)),
                            examples = @ExampleObject(value = PistonExamples.RUNTIMES)))
    List<PistonRuntimes.PistonRuntime> runtimes() {
        return runtimes.all();
    }

    @PostMapping("/execute")
    @Operation(
            summary = "Piston: run a program and wait for its result",
            description = "Answers once the program has run, within the server's wait bound (as `?wait=true` does).",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(implementation = PistonExamples.ExecuteRequest.class),
                                            examples = @ExampleObject(value = PistonExamples.EXECUTE))))
    @ApiResponse(
            responseCode = "200",
            description = "The run (and compile) stages",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = PistonStages.Execution.class),
                            examples = @ExampleObject(value = PistonExamples.EXECUTED)))
    @ApiResponse(
            responseCode = "400",
            description = "Invalid request, unknown runtime, a limit above the server's",
            content =
                    @Content(mediaType = "application/json", examples = @ExampleObject(value = PistonExamples.UNKNOWN)))
    @ApiResponse(
            responseCode = "415",
            description = "A form-encoded body (send JSON, with any other content type)",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = PistonApi.Message.class)))
    @ApiResponse(
            responseCode = "429",
            description = "Too many requests or the queue is full",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = PistonApi.Message.class)))
    @ApiResponse(
            responseCode = "503",
            description = "Broker or store unavailable",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = PistonApi.Message.class)))
    @ApiResponse(
            responseCode = "504",
            description = "Not done within the server's wait bound (it still runs)",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = PistonApi.Message.class)))
    CompletableFuture<ResponseEntity<?>> execute(@RequestBody(required = false) String body, HttpServletRequest http) {
        if (isForm(http.getContentType())) {
            // a form's body is parsed into parameters, not kept as sent: as Piston, refuse it
            throw new PistonRequestException(415, "requests must be of type application/json");
        }
        JsonNode request = read(body);
        PistonRequests.Selection selection = PistonRequests.selection(request);
        LanguageVersion runtime = runtimes.find(selection.language(), selection.version())
                .orElseThrow(() -> new PistonRequestException(
                        selection.language() + "-" + selection.version() + " runtime is unknown"));
        ExecutionRequest execution = requests.toExecution(request, runtime);
        requireValid(execution);
        ExecutionService.Submission submission = executions.submitAndWait(execution, RequestOwner.of(http));
        return submission
                .result()
                .thenApply(done -> done.<ResponseEntity<?>>map(
                                result -> ResponseEntity.ok(PistonStages.of(result, runtime)))
                        .orElseGet(() -> ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT)
                                .body(new PistonApi.Message("The program did not finish within "
                                        + properties.waitBound().toSeconds() + " s; it still runs as execution "
                                        + submission.queued().uuid() + " (GET /executions/"
                                        + submission.queued().uuid()
                                        + ")."))));
    }

    private static boolean isForm(String contentType) {
        return contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    }

    private JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw new PistonRequestException("The body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** EDC's own rules for a request (file names, how many files), said in Piston's shape. */
    private void requireValid(ExecutionRequest execution) {
        var violations = validator.validate(execution);
        if (!violations.isEmpty()) {
            throw new PistonRequestException(
                    violations.stream().map(PistonController::describe).sorted().collect(Collectors.joining("; ")));
        }
    }

    private static String describe(ConstraintViolation<?> violation) {
        return violation.getPropertyPath() + " " + violation.getMessage();
    }
}
