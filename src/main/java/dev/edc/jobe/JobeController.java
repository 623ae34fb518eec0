package dev.edc.jobe;

import dev.edc.Roles;
import dev.edc.access.RequestOwner;
import dev.edc.execution.ExecutionProperties;
import dev.edc.execution.ExecutionRequest;
import dev.edc.execution.ExecutionService;
import dev.edc.execution.LanguageAvailability;
import dev.edc.language.LanguageRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jobe's REST API as CodeRunner calls it: a run answered once it is done ({@code 200} and Jobe's
 * result object; past the server's wait bound, the outcome "server overload" while the run goes on),
 * the languages, and the file cache.
 */
@RestController
@Profile(Roles.API)
@ConditionalOnBooleanProperty(name = JobeProperties.ENABLED, matchIfMissing = true)
@RequestMapping(JobeApi.PATH)
@Tag(
        name = "Jobe",
        description = "Jobe's REST API for Moodle's CodeRunner: set CodeRunner's Jobe server to `<host>:<port>`"
                + " (it adds `/jobe/index.php/restapi`) and its API key to an EDC key. Errors are JSON strings.")
class JobeController {

    private static final String JSON = "application/json";
    private static final String FILE_ID = "[A-Za-z0-9]+";

    private final ExecutionService executions;
    private final JobeRuns runs;
    private final FileCache files;
    private final LanguageRegistry languages;
    private final LanguageAvailability availability;
    private final ExecutionProperties maxima;
    private final Validator validator;
    private final JsonMapper json;

    JobeController(
            ExecutionService executions,
            FileCache files,
            LanguageRegistry languages,
            LanguageAvailability availability,
            ExecutionProperties maxima,
            Validator validator,
            JsonMapper json) {
        this.executions = executions;
        this.runs = new JobeRuns(languages, availability, files, maxima);
        this.files = files;
        this.languages = languages;
        this.availability = availability;
        this.maxima = maxima;
        this.validator = validator;
        this.json = json;
    }

    @PostMapping("/runs")
    @Operation(
            summary = "Jobe: run a program and wait for its outcome",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(mediaType = JSON, examples = @ExampleObject(value = JobeExamples.RUN))))
    @ApiResponse(
            responseCode = "200",
            description = "Jobe's result object: outcome 11 compilation error, 12 runtime error, 13 time limit,"
                    + " 15 success, 17 memory limit, 20 internal error, 21 server overload",
            content =
                    @Content(
                            mediaType = JSON,
                            schema = @Schema(implementation = JobeOutcome.class),
                            examples = @ExampleObject(value = JobeExamples.OUTCOME)))
    @ApiResponse(
            responseCode = "400",
            description = "An invalid run_spec, an unknown language, a parameter above the server's",
            content = @Content(mediaType = JSON))
    @ApiResponse(
            responseCode = "404",
            description = "A file of file_list is not in the cache: put it, then run again",
            content = @Content(mediaType = JSON))
    @ApiResponse(
            responseCode = "500",
            description = "The store or the broker is unavailable",
            content = @Content(mediaType = JSON))
    CompletableFuture<ResponseEntity<JobeOutcome>> run(
            @RequestBody(required = false) String body, HttpServletRequest http) {
        String owner = RequestOwner.of(http);
        ExecutionRequest request = runs.toExecution(read(body), owner);
        requireValid(request);
        ExecutionService.Submission submission = executions.submitAndWait(request, owner);
        return submission
                .result()
                .thenApply(done -> ResponseEntity.ok(done.map(JobeOutcome::of)
                        .orElseGet(
                                () -> JobeOutcome.overload(submission.queued().uuid()))));
    }

    @GetMapping("/languages")
    @Operation(
            summary = "Jobe: list the languages",
            description = "`[[name, version], ...]`: each language and alias, at its default version.")
    @ApiResponse(
            responseCode = "200",
            description = "The languages",
            content = @Content(mediaType = JSON, examples = @ExampleObject(value = JobeExamples.LANGUAGES)))
    List<List<String>> languages() {
        List<List<String>> all = new ArrayList<>();
        languages.all().stream()
                .filter(languages::isDefault)
                .filter(language -> availability.problem(language).isEmpty())
                .forEach(language -> Stream.concat(Stream.of(language.language()), language.aliases().stream())
                        .filter(name -> name.matches("[a-z0-9]+"))
                        .forEach(name -> all.add(List.of(name, language.version()))));
        return all;
    }

    @PutMapping("/files/{id}")
    @Operation(
            summary = "Jobe: put a file in the cache",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(mediaType = JSON, examples = @ExampleObject(value = JobeExamples.FILE))))
    @ApiResponse(responseCode = "204", description = "Kept")
    @ApiResponse(
            responseCode = "400",
            description = "No file_contents, or not Base64",
            content = @Content(mediaType = JSON))
    @ApiResponse(
            responseCode = "404",
            description = "An id that is not letters and digits",
            content = @Content(mediaType = JSON))
    @ApiResponse(
            responseCode = "413",
            description = "Larger than the largest program",
            content = @Content(mediaType = JSON))
    ResponseEntity<Void> put(
            @PathVariable String id, @RequestBody(required = false) String body, HttpServletRequest http) {
        requireFileId(id);
        JsonNode contents = read(body).path("file_contents");
        if (!contents.isString()) {
            throw new JobeException(400, "put: missing file_contents parameter");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(contents.stringValue());
        } catch (IllegalArgumentException e) {
            throw new JobeException(400, "put: contents of file " + id + " are not valid base-64");
        }
        if (bytes.length > maxima.maxCodeSize().toBytes()) {
            throw new JobeException(
                    413,
                    "put: file " + id + " is " + bytes.length + " bytes but this server keeps files of at most "
                            + maxima.maxCodeSize().toBytes() + " bytes");
        }
        files.put(RequestOwner.of(http), id, bytes);
        return ResponseEntity.noContent().build();
    }

    @RequestMapping(path = "/files/{id}", method = RequestMethod.HEAD)
    @Operation(summary = "Jobe: is this file in the cache?")
    @ApiResponse(responseCode = "204", description = "It is")
    @ApiResponse(responseCode = "404", description = "It is not (put it)")
    ResponseEntity<Void> head(@PathVariable String id, HttpServletRequest http) {
        return id.matches(FILE_ID) && files.contains(RequestOwner.of(http), id)
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    private static void requireFileId(String id) {
        if (!id.matches(FILE_ID)) {
            throw new JobeException(404, "No file id in URL");
        }
    }

    private JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw new JobeException(400, "Non-JSON post data received");
        }
    }

    /** EDC's own rules for a request (file names), said as Jobe says them. */
    private void requireValid(ExecutionRequest request) {
        var violations = validator.validate(request);
        if (violations.stream()
                .anyMatch(violation -> violation.getPropertyPath().toString().equals("files[0].name"))) {
            throw new JobeException(400, "The sourcefilename for the run_spec is illegal");
        }
        if (!violations.isEmpty()) {
            throw new JobeException(
                    400,
                    violations.stream().map(JobeController::describe).sorted().collect(Collectors.joining("; ")));
        }
    }

    private static String describe(ConstraintViolation<?> violation) {
        return violation.getPropertyPath() + " " + violation.getMessage();
    }
}
