package dev.edc.judge0;

import dev.edc.Roles;
import dev.edc.access.RequestOwner;
import dev.edc.execution.CallbackFormat;
import dev.edc.execution.ExecutionKey;
import dev.edc.execution.ExecutionProperties;
import dev.edc.execution.ExecutionRequest;
import dev.edc.execution.ExecutionResult;
import dev.edc.execution.ExecutionService;
import dev.edc.execution.QueueFullException;
import dev.edc.execution.RequestRejectedException;
import dev.edc.execution.ServiceUnavailableException;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Judge0 CE's submissions, languages and statuses under {@code /judge0}. A token is the EDC uuid of
 * the execution; {@code wait=true} waits as EDC's {@code ?wait=true} does, and past the server's
 * bound answers the submission as it stands ({@code In Queue} or {@code Processing}), for the
 * client to read again by its token. Query flags are true only when they are {@code true}, as in
 * Judge0.
 */
@RestController
@Profile(Roles.API)
@ConditionalOnBooleanProperty(name = Judge0Properties.ENABLED, matchIfMissing = true)
@RequestMapping(Judge0Api.PATH)
@Tag(
        name = "Judge0",
        description = "Judge0 CE's API for Judge0's clients: give them `http://<host>:<port>/judge0` as the base"
                + " URL, and an EDC API key as `X-Auth-Token`.")
class Judge0Controller {

    private final ExecutionService executions;
    private final Judge0Languages languages;
    private final Judge0Requests requests;
    private final Judge0Submissions submissions;
    private final Judge0Properties properties;
    private final JsonMapper json;

    Judge0Controller(
            ExecutionService executions,
            Judge0Languages languages,
            Judge0Properties properties,
            ExecutionProperties maxima,
            Validator validator,
            JsonMapper json) {
        this.executions = executions;
        this.languages = languages;
        this.requests = new Judge0Requests(languages, maxima, validator);
        this.submissions = new Judge0Submissions(languages);
        this.properties = properties;
        this.json = json;
    }

    @PostMapping("/submissions")
    @Judge0Documentation.Create
    CompletableFuture<ResponseEntity<?>> create(
            @RequestBody(required = false) String body,
            @Parameter(description = "`true`: source_code, stdin and expected_output are Base64")
                    @RequestParam(name = "base64_encoded", required = false)
                    String base64,
            @Parameter(description = "`true`: answer the finished submission (within the server's wait bound)")
                    @RequestParam(required = false)
                    String wait,
            @Parameter(description = "attributes to answer with `wait=true`, comma-separated, `*` for all")
                    @RequestParam(required = false)
                    String fields,
            HttpServletRequest http) {
        Judge0Fields selected = Judge0Fields.parse(fields);
        boolean encoded = "true".equals(base64);
        ExecutionRequest request = requests.toExecution(read(body), encoded);
        String owner = RequestOwner.of(http);
        if (!"true".equals(wait)) {
            ExecutionResult queued =
                    executions.submit(request, owner, CallbackFormat.JUDGE0).queued();
            return CompletableFuture.completedFuture(created(submissions.view(queued, Judge0Fields.TOKEN, false)));
        }
        ExecutionService.Submission submission = executions.submitAndWait(request, owner, CallbackFormat.JUDGE0);
        return submission
                .result()
                .thenApply(done -> created(submissions.view(
                        done.orElseGet(() -> current(owner, submission.queued())), selected, encoded)));
    }

    @GetMapping("/submissions/{token}")
    @Judge0Documentation.Show
    ResponseEntity<?> show(
            @PathVariable String token,
            @Parameter(description = "`true`: texts in Base64") @RequestParam(name = "base64_encoded", required = false)
                    String base64,
            @Parameter(description = "attributes to answer, comma-separated, `*` for all")
                    @RequestParam(required = false)
                    String fields,
            HttpServletRequest http) {
        Judge0Fields selected = Judge0Fields.parse(fields);
        return executions
                .find(new ExecutionKey(RequestOwner.of(http), token))
                .<ResponseEntity<?>>map(
                        result -> ResponseEntity.ok(submissions.view(result, selected, "true".equals(base64))))
                .orElseGet(Judge0Errors::notFound);
    }

    @PostMapping("/submissions/batch")
    @Judge0Documentation.CreateBatch
    ResponseEntity<List<Map<String, ?>>> createBatch(
            @RequestBody(required = false) String body,
            @Parameter(description = "`true`: source_code, stdin and expected_output are Base64")
                    @RequestParam(name = "base64_encoded", required = false)
                    String base64,
            HttpServletRequest http) {
        JsonNode batch = read(body).path("submissions");
        requireBatchSize(batch.isArray() ? batch.size() : 0);
        String owner = RequestOwner.of(http);
        List<Map<String, ?>> answers = new ArrayList<>();
        boolean queued = false;
        for (JsonNode item : batch) {
            try {
                ExecutionResult created = executions
                        .submit(requests.toExecution(item, "true".equals(base64)), owner, CallbackFormat.JUDGE0)
                        .queued();
                answers.add(Map.of("token", created.uuid()));
                queued = true;
            } catch (Judge0InvalidException e) {
                answers.add(e.errors());
            } catch (RequestRejectedException e) {
                answers.add(Judge0Errors.errorsOf(e));
            } catch (QueueFullException | ServiceUnavailableException e) {
                if (!queued) {
                    throw e;
                }
                answers.add(Map.of("error", e instanceof QueueFullException ? "queue is full" : e.getMessage()));
            }
        }
        return ResponseEntity.status(queued ? HttpStatus.CREATED : HttpStatus.UNPROCESSABLE_CONTENT)
                .body(answers);
    }

    @GetMapping("/submissions/batch")
    @Judge0Documentation.ShowBatch
    Map<String, List<Map<String, Object>>> showBatch(
            @Parameter(description = "tokens, comma-separated") @RequestParam(required = false) String tokens,
            @Parameter(hidden = true) @RequestHeader(name = "tokens", required = false) String tokensHeader,
            @Parameter(description = "`true`: texts in Base64") @RequestParam(name = "base64_encoded", required = false)
                    String base64,
            @Parameter(description = "attributes to answer, comma-separated, `*` for all")
                    @RequestParam(required = false)
                    String fields,
            HttpServletRequest http) {
        Judge0Fields selected = Judge0Fields.parse(fields);
        String list = tokensHeader != null ? tokensHeader : tokens == null ? "" : tokens;
        List<String> asked = Arrays.stream(list.strip().split(","))
                .filter(token -> !token.isEmpty())
                .toList();
        requireBatchSize(asked.size());
        String owner = RequestOwner.of(http);
        List<Map<String, Object>> found = new ArrayList<>();
        for (String token : asked) {
            found.add(executions
                    .find(new ExecutionKey(owner, token.strip()))
                    .map(result -> submissions.view(result, selected, "true".equals(base64)))
                    .orElse(null));
        }
        return Map.of("submissions", found);
    }

    @GetMapping("/languages")
    @Judge0Documentation.Languages
    List<Judge0Languages.Judge0Language> languages() {
        return languages.all();
    }

    @GetMapping("/statuses")
    @Judge0Documentation.Statuses
    List<Judge0Status.View> statuses() {
        return Arrays.stream(Judge0Status.values()).map(Judge0Status::view).toList();
    }

    private void requireBatchSize(int size) {
        if (size > properties.maxBatchSize()) {
            throw new Judge0BadRequestException(
                    "number of submissions in a batch should be less than or equal to " + properties.maxBatchSize());
        }
        if (size == 0) {
            throw new Judge0BadRequestException("there should be at least one submission in a batch");
        }
    }

    /** The submission as it stands when the wait bound passed: its record now, or as it was queued. */
    private ExecutionResult current(String owner, ExecutionResult queued) {
        return executions.find(new ExecutionKey(owner, queued.uuid())).orElse(queued);
    }

    private JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw new Judge0BadRequestException("the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static ResponseEntity<?> created(Map<String, Object> submission) {
        return ResponseEntity.status(HttpStatus.CREATED).body(submission);
    }
}
