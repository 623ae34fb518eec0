package dev.edc.api;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.edc.access.AccessProperties;
import dev.edc.access.AdminKeys;
import dev.edc.access.ApiKeys;
import dev.edc.execution.ExecutionKey;
import dev.edc.execution.ExecutionRequest;
import dev.edc.execution.ExecutionResult;
import dev.edc.execution.ExecutionService;
import dev.edc.execution.ExecutionStatus;
import dev.edc.execution.QueueFullException;
import dev.edc.execution.RequestRejectedException;
import dev.edc.execution.ServiceUnavailableException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The HTTP edge alone (no broker, store or Docker): every malformed request is a 400 problem
 * detail that says what to change and never reaches the service; what the service refuses gets
 * its status, title and detail.
 */
@WebMvcTest(controllers = ExecutionController.class)
@EnableConfigurationProperties(AccessProperties.class)
@Import({ApiKeys.class, AdminKeys.class, StrictJson.class})
class ExecutionControllerTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    ExecutionService executions;

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("invalid JSON", "{\"code\": \"x\", \"language\": ", "must be a JSON object"),
                Arguments.of("not an object", "[1, 2]", "must be a JSON object"),
                Arguments.of("missing language", "{\"code\": \"x\"}", "language is required"),
                Arguments.of(
                        "bad uuid",
                        "{\"code\": \"x\", \"language\": \"js\", \"uuid\": \"../../etc/passwd\"}",
                        "uuid must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' and '-', with at least one letter or digit"),
                Arguments.of(
                        "uuid of dots",
                        "{\"code\": \"x\", \"language\": \"js\", \"uuid\": \"..\"}",
                        "uuid must be 1 to 64 characters"),
                Arguments.of(
                        "too long uuid",
                        "{\"code\": \"x\", \"language\": \"js\", \"uuid\": \"" + "a".repeat(65) + "\"}",
                        "uuid must be 1 to 64 characters"),
                Arguments.of(
                        "negative time",
                        "{\"code\": \"x\", \"language\": \"js\", \"limits\": {\"timeMs\": -5}}",
                        "limits.timeMs must be a positive number of milliseconds"),
                Arguments.of(
                        "too little memory",
                        "{\"code\": \"x\", \"language\": \"js\", \"limits\": {\"memoryMb\": 4}}",
                        "limits.memoryMb must be at least 16 (megabytes)"),
                Arguments.of(
                        "limit of the wrong type",
                        "{\"code\": \"x\", \"language\": \"js\", \"limits\": {\"timeMs\": \"soon\"}}",
                        "limits.timeMs must be an integer"),
                Arguments.of(
                        "fractional limit",
                        "{\"code\": \"x\", \"language\": \"js\", \"limits\": {\"timeMs\": 1500.5}}",
                        "limits.timeMs must be an integer"),
                Arguments.of("number as code", "{\"code\": 42, \"language\": \"js\"}", "code must be a string"),
                Arguments.of(
                        "unknown field",
                        "{\"code\": \"x\", \"language\": \"js\", \"privileged\": true}",
                        "unknown field 'privileged'"),
                Arguments.of(
                        "unknown limit",
                        "{\"code\": \"x\", \"language\": \"js\", \"limits\": {\"cpu\": 4}}",
                        "unknown field 'limits.cpu'"),
                Arguments.of(
                        "a key twice",
                        "{\"code\": \"x\", \"code\": \"y\", \"language\": \"js\"}",
                        "Duplicate Object property \"code\""),
                Arguments.of(
                        "bad file name",
                        "{\"files\": [{\"name\": \"../x.py\", \"content\": \"print(1)\"}], \"language\": \"py\"}",
                        "files[0].name must be a relative path"),
                Arguments.of(
                        "file without content",
                        "{\"files\": [{\"name\": \"x.py\"}], \"language\": \"py\"}",
                        "files[0].content is required"),
                Arguments.of(
                        "null argument",
                        "{\"code\": \"x\", \"language\": \"js\", \"args\": [null]}",
                        "args[0] must not contain null"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void shouldRefuseAMalformedRequestWithAProblemDetailBeforeTheService(String name, String body, String detail)
            throws Exception {
        http.perform(post("/execute-code")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(detail)));
        verifyNoInteractions(executions);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(RequestRejectedException.notFound("nine"), 404, "No execution 'nine' exists", null),
                Arguments.of(new QueueFullException(), 429, "The execution queue is full", "5"),
                Arguments.of(
                        new ServiceUnavailableException(
                                "The message broker (RabbitMQ) is unavailable; nothing was queued.", null),
                        503,
                        "nothing was queued",
                        "5"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refusals")
    void shouldAnswerWhatTheServiceRefusesWithItsStatus(
            RuntimeException refusal, int status, String detail, String retryAfter) throws Exception {
        when(executions.submit(any(), anyString())).thenThrow(refusal);

        var result = http.perform(post("/execute-code")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"x\", \"language\": \"js\"}"))
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(detail)));
        if (retryAfter != null) {
            result.andExpect(header().string("Retry-After", retryAfter));
        }
    }

    @Test
    void shouldAnswer202WithWhereToLook() throws Exception {
        when(executions.submit(any(ExecutionRequest.class), anyString()))
                .thenReturn(new ExecutionService.Submitted(
                        ExecutionResult.queued("abc", "javascript", "20", Instant.EPOCH), "the-token"));

        var pending = http.perform(post("/execute-code")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"x\", \"language\": \"js\", \"uuid\": \"abc\"}"))
                .andReturn();
        http.perform(asyncDispatch(pending))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/executions/abc"))
                .andExpect(content()
                        .json(
                                "{\"uuid\": \"abc\", \"status\": \"QUEUED\", \"resultTopic\": \"/topic/result/abc\", \"controlToken\": \"the-token\"}",
                                true));
    }

    @Test
    void shouldAnswer404ForAnUnknownExecution() throws Exception {
        when(executions.require(ExecutionKey.anonymous("nope"))).thenThrow(RequestRejectedException.notFound("nope"));

        http.perform(get("/executions/nope"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Execution not found"));
    }

    @Test
    void shouldAnswerTheResultWhenAskedToWaitAndItIsDone() throws Exception {
        ExecutionResult queued = ExecutionResult.queued("w", "javascript", "20", Instant.EPOCH);
        ExecutionResult done = queued.withStatus(ExecutionStatus.SUCCESS).withStdout("42\n");
        when(executions.submitAndWait(any(), anyString()))
                .thenReturn(new ExecutionService.Submission(
                        new ExecutionService.Submitted(queued, "t"),
                        CompletableFuture.completedFuture(Optional.of(done))));

        var pending = http.perform(post("/execute-code?wait=true")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"x\", \"language\": \"js\"}"))
                .andReturn();
        http.perform(asyncDispatch(pending))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUCCESS"))
                .andExpect(jsonPath("$.stdout").value("42\n"));
    }
}
