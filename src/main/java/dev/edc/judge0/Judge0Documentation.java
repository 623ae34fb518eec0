package dev.edc.judge0;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The OpenAPI description of Judge0's endpoints, kept out of the controller's way. */
final class Judge0Documentation {

    private static final String JSON = "application/json";

    static final String SUBMISSION = """
            {"source_code": "print(input())", "language_id": 71, "stdin": "hello, Judge0", "cpu_time_limit": 2}""";

    static final String CREATED = """
            {"token": "d85cd024-1548-4165-96c7-7bc88673f194"}""";

    static final String FINISHED = """
            {"token": "eb0dd001-66db-47f4-8a69-b736c9bc23f6", "time": "0.031", "memory": 9216,
             "stdout": "hello, Judge0\\n", "stderr": null, "compile_output": null, "message": null,
             "status": {"id": 3, "description": "Accepted"}}""";

    static final String INVALID = """
            {"language_id": ["language with id 150000 doesn't exist"]}""";

    static final String BATCH = """
            {"submissions": [{"language_id": 63, "source_code": "console.log('hello from JavaScript')"},
                             {"language_id": 62, "source_code": "class A { public static void main(String[] a) {} }"}]}""";

    static final String LANGUAGES = """
            [{"id": 62, "name": "java (OpenJDK 17 (Debian bookworm))"}, {"id": 63, "name": "javascript (Node.js 20 (Debian trixie))"}]""";

    private Judge0Documentation() {}

    /** A submission's attributes as written (the answer has those asked with {@code fields}). */
    record Submission(
            String source_code,
            Integer language_id,
            String stdin,
            String expected_output,
            Double cpu_time_limit,
            Double wall_time_limit,
            Integer memory_limit,
            String command_line_arguments) {}

    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @Operation(
            summary = "Judge0: create a submission",
            description = "Queues it and answers its token; with `wait=true`, answers the finished submission.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = JSON,
                                            schema = @Schema(implementation = Submission.class),
                                            examples = @ExampleObject(value = SUBMISSION))))
    @ApiResponse(
            responseCode = "201",
            description = "Created: its token, or with `wait=true` the submission",
            content =
                    @Content(
                            mediaType = JSON,
                            examples = {
                                @ExampleObject(name = "token", value = CREATED),
                                @ExampleObject(name = "wait=true", value = FINISHED)
                            }))
    @ApiResponse(
            responseCode = "400",
            description = "Unknown `fields`, or a body that is not JSON",
            content = @Content(mediaType = JSON))
    @ApiResponse(
            responseCode = "422",
            description = "Invalid submission: errors by attribute",
            content = @Content(mediaType = JSON, examples = @ExampleObject(value = INVALID)))
    @ApiResponse(
            responseCode = "503",
            description = "The queue is full, or the broker or store is down",
            content = @Content(mediaType = JSON))
    @interface Create {}

    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @Operation(summary = "Judge0: read a submission")
    @ApiResponse(
            responseCode = "200",
            description = "The submission, with the attributes asked for",
            content = @Content(mediaType = JSON, examples = @ExampleObject(value = FINISHED)))
    @ApiResponse(responseCode = "400", description = "Unknown `fields`", content = @Content(mediaType = JSON))
    @ApiResponse(
            responseCode = "404",
            description = "Unknown, expired, or another key's token",
            content = @Content(mediaType = JSON))
    @interface Show {}

    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @Operation(
            summary = "Judge0: create submissions in a batch",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(mediaType = JSON, examples = @ExampleObject(value = BATCH))))
    @ApiResponse(
            responseCode = "201",
            description = "One entry per submission, in order: its token, or its errors by attribute",
            content = @Content(mediaType = JSON, array = @ArraySchema(schema = @Schema(type = "object"))))
    @ApiResponse(
            responseCode = "400",
            description = "No submission, or more than the batch allows",
            content = @Content(mediaType = JSON))
    @ApiResponse(
            responseCode = "422",
            description = "Every submission is invalid",
            content = @Content(mediaType = JSON))
    @ApiResponse(
            responseCode = "503",
            description = "The queue is full, or the broker or store is down",
            content = @Content(mediaType = JSON))
    @interface CreateBatch {}

    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @Operation(summary = "Judge0: read submissions in a batch")
    @ApiResponse(
            responseCode = "200",
            description = "`{\"submissions\": [...]}`, `null` for a token unknown to this key",
            content = @Content(mediaType = JSON))
    @ApiResponse(
            responseCode = "400",
            description = "No token, too many, or unknown `fields`",
            content = @Content(mediaType = JSON))
    @interface ShowBatch {}

    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @Operation(
            summary = "Judge0: list the languages",
            description = "Under Judge0's ids (`judge0-ids` of each language entry).")
    @ApiResponse(
            responseCode = "200",
            description = "`[{id, name}]`",
            content =
                    @Content(
                            mediaType = JSON,
                            array =
                                    @ArraySchema(
                                            schema = @Schema(implementation = Judge0Languages.Judge0Language.class)),
                            examples = @ExampleObject(value = LANGUAGES)))
    @interface Languages {}

    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @Operation(summary = "Judge0: list the statuses", description = "Judge0's 14 statuses, `[{id, description}]`.")
    @ApiResponse(responseCode = "200", description = "The statuses", content = @Content(mediaType = JSON))
    @interface Statuses {}
}
