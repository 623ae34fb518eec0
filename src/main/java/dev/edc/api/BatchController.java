package dev.edc.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.edc.Roles;
import dev.edc.access.RequestOwner;
import dev.edc.execution.ExecutionKey;
import dev.edc.execution.ExecutionRequest;
import dev.edc.execution.ExecutionResult;
import dev.edc.execution.ExecutionService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A whole class's work at once (API.md: "Batches and webhooks"): each submission of a batch is read,
 * validated and queued on its own, so one bad submission is its own problem detail and the others
 * are queued; and many records read in one call.
 */
@RestController
@Profile(Roles.API)
@Tag(name = "executions", description = "Run code in a single-use sandbox and read its result")
class BatchController {

    static final int MAX_BATCH = 50;
    static final int MAX_UUIDS = 100;

    private final ExecutionService executions;
    private final JsonMapper json;
    private final Validator validator;

    BatchController(ExecutionService executions, JsonMapper json, Validator validator) {
        this.executions = executions;
        this.json = json;
        this.validator = validator;
    }

    @PostMapping("/execute-code/batch")
    @Operation(summary = "Run many submissions", description = """
            1 to 50 submissions, each as for POST /execute-code. The answer has one entry per submission, \
            in order: where to find its result, or the problem detail that says why it was not queued.""")
    @ApiResponse(responseCode = "202", description = "Each submission queued or refused on its own")
    ResponseEntity<BatchAnswer> submit(@Valid @RequestBody Batch batch, HttpServletRequest http) {
        String owner = RequestOwner.of(http);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < batch.submissions().size(); i++) {
            entries.add(submit(batch.submissions().get(i), "submissions[" + i + "]", owner));
        }
        return ResponseEntity.accepted().body(new BatchAnswer(entries));
    }

    @GetMapping(path = "/executions", params = "uuids")
    @Operation(
            summary = "Read many executions",
            description = "The records asked for, in the order asked: null for an unknown or expired uuid.")
    @ApiResponse(responseCode = "200", description = "One record (or null) per uuid")
    ResponseEntity<?> find(
            @Parameter(description = "comma-separated uuids, at most 100") @RequestParam String uuids,
            HttpServletRequest http) {
        List<String> asked =
                Arrays.stream(uuids.split(",", -1)).map(String::strip).toList();
        if (asked.size() > MAX_UUIDS || asked.stream().anyMatch(uuid -> !uuid.matches(ExecutionRequest.UUID))) {
            return ResponseEntity.badRequest()
                    .body(ProblemDetails.problem(
                            HttpStatus.BAD_REQUEST,
                            "Invalid uuids",
                            "uuids must be 1 to " + MAX_UUIDS
                                    + " comma-separated uuids (1 to 64 of A-Z, a-z, 0-9, '.', '_', '-')."));
        }
        String owner = RequestOwner.of(http);
        List<ExecutionResult> records = new ArrayList<>();
        for (String uuid : asked) {
            records.add(executions.find(new ExecutionKey(owner, uuid)).orElse(null));
        }
        return ResponseEntity.ok(records);
    }

    /** One submission: read strictly, validated, queued; or the problem detail of why not. */
    private Entry submit(JsonNode node, String path, String owner) {
        ExecutionRequest request;
        try {
            request = json.treeToValue(node, ExecutionRequest.class);
        } catch (JacksonException e) {
            return Entry.refused(ProblemDetails.problem(
                    HttpStatus.BAD_REQUEST, "Malformed submission", path + ": " + UnreadableBody.describe(e)));
        }
        Set<ConstraintViolation<ExecutionRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            return Entry.refused(ProblemDetails.problem(
                    HttpStatus.BAD_REQUEST,
                    "Invalid request",
                    path + ": "
                            + violations.stream()
                                    .map(v -> v.getPropertyPath() + " " + v.getMessage())
                                    .sorted()
                                    .collect(Collectors.joining("; "))
                            + "."));
        }
        try {
            return Entry.queued(ExecutionController.Accepted.of(executions.submit(request, owner)));
        } catch (RuntimeException e) {
            return Entry.refused(ProblemDetails.of(e).orElseThrow(() -> e));
        }
    }

    /** The body of a batch. */
    record Batch(
            @NotNull(message = "is required") @Size(min = 1, max = MAX_BATCH, message = "must hold 1 to 50 submissions")
            List<@NotNull(message = "must not contain null") JsonNode> submissions) {}

    /** The answer: one entry per submission, in order. */
    record BatchAnswer(List<Entry> submissions) {}

    /** A queued submission (where to look), or a refused one (its problem detail). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(String uuid, String status, String resultTopic, String controlToken, ProblemDetail error) {

        static Entry queued(ExecutionController.Accepted accepted) {
            return new Entry(
                    accepted.uuid(), accepted.status().name(), accepted.resultTopic(), accepted.controlToken(), null);
        }

        static Entry refused(ProblemDetail problem) {
            return new Entry(null, null, null, null, problem);
        }
    }
}
