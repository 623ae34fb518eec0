package dev.edc.piston;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verify;
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
import dev.edc.execution.ExecutionProperties;
import dev.edc.execution.ExecutionRequest;
import dev.edc.execution.ExecutionResult;
import dev.edc.execution.ExecutionService;
import dev.edc.execution.ExecutionStatus;
import dev.edc.execution.LanguageAvailability;
import dev.edc.execution.QueueFullException;
import dev.edc.execution.RequestRejectedException;
import dev.edc.execution.ServiceUnavailableException;
import dev.edc.execution.SourceFile;
import dev.edc.language.LanguageRegistry;
import dev.edc.language.LanguageTestEntries;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Piston's API at the HTTP edge: runtimes, the translation of an execute into EDC's request, the
 * stages of the answer, and every refusal in Piston's {@code {"message"}} shape.
 */
@WebMvcTest(controllers = PistonController.class)
@EnableConfigurationProperties({AccessProperties.class, ExecutionProperties.class})
@Import({
    ApiKeys.class,
    AdminKeys.class,
    PistonRuntimes.class,
    LanguageAvailability.class,
    PistonControllerTest.Languages.class
})
class PistonControllerTest {

    /** What piston-client 1.0.2 sends for {@code client.execute('java', code)}: no name, text/plain. */
    static final String PISTON_CLIENT_JAVA = """
            {"language": "java", "version": "21.0.0", "files": [{"content": "class A {}"}], "stdin": "",
             "args": ["1", "2", "3"], "compile_timeout": 10000, "run_timeout": 3000,
             "compile_memory_limit": -1, "run_memory_limit": -1}""";

    @Autowired
    MockMvc http;

    @MockitoBean
    ExecutionService executions;

    @TestConfiguration
    static class Languages {
        @Bean
        LanguageRegistry languageRegistry() {
            return LanguageTestEntries.withSql();
        }
    }

    @Test
    void shouldListEachConfiguredVersionAsARuntimeWithASemverVersion() throws Exception {
        http.perform(get("/api/v2/runtimes"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(5))
                .andExpect(jsonPath("$[1].language").value("java"))
                .andExpect(jsonPath("$[1].version").value("17.0.0"))
                .andExpect(jsonPath("$[1].aliases").isEmpty())
                .andExpect(jsonPath("$[3].language").value("javascript"))
                .andExpect(jsonPath("$[3].version").value("20.0.0"))
                .andExpect(jsonPath("$[3].aliases[2]").value("nodejs"))
                .andExpect(jsonPath("$[3].runtime").value("javascript 20"));
    }

    @Test
    void shouldTranslateWhatPistonClientSendsIntoEdcsRequest() throws Exception {
        succeedWith(ExecutionResult.builder()
                .status(ExecutionStatus.SUCCESS)
                .exitCode(0)
                .stdout("hi\n")
                .stderr(""));

        execute(MediaType.TEXT_PLAIN, PISTON_CLIENT_JAVA).andExpect(status().isOk());

        ExecutionRequest request = submitted();
        assertThat(request.language()).isEqualTo("java");
        assertThat(request.version()).isEqualTo("21");
        assertThat(request.code()).isNull();
        assertThat(request.files()).containsExactly(new SourceFile("Main.java", "class A {}"));
        assertThat(request.stdin()).as("Piston ends stdin with a newline").isEqualTo("\n");
        assertThat(request.args()).containsExactly("1", "2", "3");
        assertThat(request.limits()).isEqualTo(new ExecutionRequest.RequestedLimits(3000L, null, null));
        assertThat(request.uuid()).as("EDC makes one").isNull();
    }

    @Test
    void shouldRunTheFirstTextFileDecodingTheOthersAndNamingThemAsPistonDoes() throws Exception {
        succeedWith(ExecutionResult.builder()
                .status(ExecutionStatus.SUCCESS)
                .exitCode(0)
                .stdout("")
                .stderr(""));

        execute(MediaType.APPLICATION_JSON, """
                        {"language": "node", "version": "*", "stdin": "7\\n", "run_memory_limit": 134217728,
                         "run_timeout": 2500, "run_cpu_time": 1500,
                         "files": [{"name": "data.txt", "content": "aGVsbG8=", "encoding": "base64"},
                                   {"content": "require('./lib')"},
                                   {"content": "6869", "encoding": "hex"},
                                   {"name": "lib/index.js", "content": "module.exports = 1"}]}""").andExpect(status().isOk());

        ExecutionRequest request = submitted();
        assertThat(request.language()).isEqualTo("javascript");
        assertThat(request.files())
                .containsExactly(
                        new SourceFile("main.js", "require('./lib')"),
                        new SourceFile("data.txt", "hello"),
                        new SourceFile("file2.code", "hi"),
                        new SourceFile("lib/index.js", "module.exports = 1"));
        assertThat(request.stdin()).isEqualTo("7\n");
        assertThat(request.limits())
                .as("the lower of run_timeout and run_cpu_time; bytes as megabytes")
                .isEqualTo(new ExecutionRequest.RequestedLimits(1500L, 128L, null));
    }

    @Test
    void shouldRunALanguageWithoutArgumentsWithoutTheArgumentsPistonsClientsSendByDefault() throws Exception {
        succeedWith(ExecutionResult.builder()
                .status(ExecutionStatus.SUCCESS)
                .exitCode(0)
                .stdout("")
                .stderr(""));

        execute(MediaType.TEXT_PLAIN, """
                        {"language": "sqlite", "version": "3", "files": [{"content": "select 1;"}], "args": ["1", "2", "3"]}""").andExpect(status().isOk());

        assertThat(submitted().args()).isEmpty();
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("no language", "{\"version\": \"*\", \"files\": []}", "language is required as a string"),
                Arguments.of("no version", "{\"language\": \"js\", \"files\": []}", "version is required as a string"),
                Arguments.of(
                        "files not an array",
                        "{\"language\": \"js\", \"version\": \"*\", \"files\": \"x\"}",
                        "files is required as an array"),
                Arguments.of(
                        "a file without content",
                        "{\"language\": \"js\", \"version\": \"*\", \"files\": [{\"name\": \"a.js\"}]}",
                        "files[0].content is required as a string"),
                Arguments.of(
                        "unknown language",
                        "{\"language\": \"cobol\", \"version\": \"3\", \"files\": [{\"content\": \"x\"}]}",
                        "cobol-3 runtime is unknown"),
                Arguments.of(
                        "unknown version",
                        "{\"language\": \"java\", \"version\": \"8\", \"files\": [{\"content\": \"x\"}]}",
                        "java-8 runtime is unknown"),
                Arguments.of(
                        "no text file",
                        "{\"language\": \"js\", \"version\": \"*\", \"files\": [{\"content\": \"eA==\", \"encoding\": \"base64\"}]}",
                        "files must include at least one utf8 encoded file"),
                Arguments.of(
                        "a file that is not text",
                        "{\"language\": \"js\", \"version\": \"*\", \"files\": [{\"content\": \"x\"}, {\"content\": \"/w==\", \"encoding\": \"base64\"}]}",
                        "files[1].content is not UTF-8 text once decoded"),
                Arguments.of(
                        "limit not a number",
                        "{\"language\": \"js\", \"version\": \"*\", \"files\": [{\"content\": \"x\"}], \"run_timeout\": \"5s\"}",
                        "If specified, run_timeout must be a number"),
                Arguments.of(
                        "time above EDC's maximum",
                        "{\"language\": \"js\", \"version\": \"*\", \"files\": [{\"content\": \"x\"}], \"run_timeout\": 20001}",
                        "run_timeout cannot exceed the configured limit of 20000"),
                Arguments.of(
                        "memory above EDC's maximum",
                        "{\"language\": \"js\", \"version\": \"*\", \"files\": [{\"content\": \"x\"}], \"run_memory_limit\": 2147483648}",
                        "run_memory_limit cannot exceed the configured limit of 1073741824"),
                Arguments.of(
                        "negative limit",
                        "{\"language\": \"js\", \"version\": \"*\", \"files\": [{\"content\": \"x\"}], \"run_timeout\": -5}",
                        "run_timeout must be non-negative"),
                Arguments.of(
                        "a file name EDC refuses",
                        "{\"language\": \"js\", \"version\": \"*\", \"files\": [{\"name\": \"../x.js\", \"content\": \"x\"}]}",
                        "files[0].name must be a relative path"),
                Arguments.of("not JSON", "{\"language\": ", "The body is not valid JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void shouldRefuseInPistonsShapeBeforeTheService(String name, String body, String message) throws Exception {
        http.perform(post("/api/v2/execute")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith(message)));
        verifyNoInteractions(executions);
    }

    @Test
    void shouldRefuseAFormEncodedBodyAsPistonDoes() throws Exception {
        http.perform(post("/api/v2/execute")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content(PISTON_CLIENT_JAVA))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.message").value("requests must be of type application/json"));
        verifyNoInteractions(executions);
    }

    static Stream<Arguments> serviceRefusals() {
        return Stream.of(
                Arguments.of(new QueueFullException(), 429, "The execution queue is full"),
                Arguments.of(
                        new ServiceUnavailableException("The message broker (RabbitMQ) is unavailable.", null),
                        503,
                        "unavailable"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("serviceRefusals")
    void shouldAnswerWhatTheServiceRefusesInPistonsShapeWithRetryAfter(
            RuntimeException refusal, int status, String message) throws Exception {
        when(executions.submitAndWait(any(), anyString())).thenThrow(refusal);

        execute(MediaType.APPLICATION_JSON, PISTON_CLIENT_JAVA)
                .andExpect(status().is(status))
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString(message)));
    }

    @Test
    void shouldSayInPistonsShapeWhatEdcRejects() throws Exception {
        when(executions.submitAndWait(any(), anyString())).thenThrow(RequestRejectedException.notFound("x"));

        execute(MediaType.APPLICATION_JSON, PISTON_CLIENT_JAVA)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message")
                        .value("No execution 'x' exists: it was never submitted or its result has expired."));
    }

    @Test
    void shouldAnswerAStageWithOutputCodeAndWhatItUsed() throws Exception {
        succeedWith(ExecutionResult.builder()
                .status(ExecutionStatus.RUNTIME_ERROR)
                .exitCode(3)
                .stdout("out\n")
                .stderr("err\n")
                .compileOutput("")
                .timeMs(42L)
                .memoryKb(2048L));

        executed(execute(MediaType.APPLICATION_JSON, PISTON_CLIENT_JAVA))
                .andExpect(jsonPath("$.language").value("java"))
                .andExpect(jsonPath("$.version").value("21.0.0"))
                .andExpect(jsonPath("$.run.stdout").value("out\n"))
                .andExpect(jsonPath("$.run.stderr").value("err\n"))
                .andExpect(jsonPath("$.run.output").value("out\nerr\n"))
                .andExpect(jsonPath("$.run.code").value(3))
                .andExpect(jsonPath("$.run.signal").isEmpty())
                .andExpect(jsonPath("$.run.status").value("RE"))
                .andExpect(jsonPath("$.run.message").value("Exited with error status 3"))
                .andExpect(jsonPath("$.run.memory").value(2097152))
                .andExpect(jsonPath("$.run.wall_time").value(42))
                .andExpect(jsonPath("$.compile").doesNotExist());
    }

    @Test
    void shouldAnswerACompilationErrorAsTheCompileStageInPlaceOfTheRun() throws Exception {
        succeedWith(ExecutionResult.builder()
                .status(ExecutionStatus.COMPILATION_ERROR)
                .stdout("")
                .stderr("")
                .compileOutput("Main.java:1: error: ';' expected\n"));

        executed(execute(MediaType.APPLICATION_JSON, PISTON_CLIENT_JAVA))
                .andExpect(jsonPath("$.compile.stderr").value("Main.java:1: error: ';' expected\n"))
                .andExpect(jsonPath("$.compile.code").value(1))
                .andExpect(jsonPath("$.run.output").value("Main.java:1: error: ';' expected\n"))
                .andExpect(jsonPath("$.run.code").value(1));
    }

    static Stream<Arguments> endings() {
        return Stream.of(
                Arguments.of(ExecutionStatus.TIME_LIMIT_EXCEEDED, null, null, "SIGKILL", "TO", "Time limit exceeded"),
                Arguments.of(
                        ExecutionStatus.MEMORY_LIMIT_EXCEEDED,
                        137,
                        "SIGKILL",
                        "SIGKILL",
                        "SG",
                        "Memory limit exceeded"),
                Arguments.of(
                        ExecutionStatus.OUTPUT_LIMIT_EXCEEDED, null, null, "SIGKILL", "OL", "Output limit exceeded"),
                Arguments.of(ExecutionStatus.RUNTIME_ERROR, 139, "SIGSEGV", "SIGSEGV", "SG", "Caught fatal signal 11"),
                Arguments.of(ExecutionStatus.SUCCESS, 0, null, null, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endings")
    void shouldSayHowTheRunEndedAsIsolateWould(
            ExecutionStatus verdict,
            Integer exitCode,
            String signal,
            String pistonSignal,
            String pistonStatus,
            String message)
            throws Exception {
        succeedWith(ExecutionResult.builder()
                .status(verdict)
                .exitCode(exitCode)
                .signal(signal)
                .stdout("")
                .stderr("")
                .compileOutput(""));

        var answer = executed(execute(MediaType.APPLICATION_JSON, PISTON_CLIENT_JAVA))
                .andExpect(jsonPath("$.run.signal").value(pistonSignal))
                .andExpect(jsonPath("$.run.status").value(pistonStatus))
                .andExpect(jsonPath("$.run.message").value(message));
        if (pistonSignal != null) {
            answer.andExpect(jsonPath("$.run.code").isEmpty());
        } else {
            answer.andExpect(jsonPath("$.run.code").value(0));
        }
    }

    @Test
    void shouldAnswer504WhenTheRunIsNotDoneWithinTheWaitBound() throws Exception {
        when(executions.submitAndWait(any(), anyString()))
                .thenReturn(new ExecutionService.Submission(
                        new ExecutionService.Submitted(queued(), "control"),
                        CompletableFuture.completedFuture(Optional.empty())));

        executed(execute(MediaType.APPLICATION_JSON, PISTON_CLIENT_JAVA), 504)
                .andExpect(
                        jsonPath("$.message").value(org.hamcrest.Matchers.containsString("still runs as execution q")));
    }

    private static ExecutionResult queued() {
        return ExecutionResult.queued("q", "java", "21", Instant.EPOCH);
    }

    private void succeedWith(ExecutionResult.ExecutionResultBuilder result) {
        ExecutionResult done = result.uuid("q").language("java").version("21").build();
        when(executions.submitAndWait(any(), anyString()))
                .thenReturn(new ExecutionService.Submission(
                        new ExecutionService.Submitted(queued(), "control"),
                        CompletableFuture.completedFuture(Optional.of(done))));
    }

    private ResultActions execute(MediaType type, String body) throws Exception {
        ResultActions first =
                http.perform(post("/api/v2/execute").contentType(type).content(body));
        MvcResult pending = first.andReturn();
        return pending.getRequest().isAsyncStarted() ? http.perform(asyncDispatch(pending)) : first;
    }

    private static ResultActions executed(ResultActions actions) throws Exception {
        return executed(actions, 200);
    }

    private static ResultActions executed(ResultActions actions, int status) throws Exception {
        return actions.andExpect(status().is(status));
    }

    private ExecutionRequest submitted() {
        ArgumentCaptor<ExecutionRequest> request = ArgumentCaptor.forClass(ExecutionRequest.class);
        verify(executions).submitAndWait(request.capture(), anyString());
        return request.getValue();
    }

    /** One setting switches the adapter off: its paths are then 404, and nothing reaches the service. */
    @Nested
    @TestPropertySource(properties = "edc.adapters.piston.enabled=false")
    class SwitchedOff {

        @Test
        void shouldAnswer404OnEveryPath() throws Exception {
            http.perform(get("/api/v2/runtimes")).andExpect(status().isNotFound());
            http.perform(post("/api/v2/execute")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(PISTON_CLIENT_JAVA))
                    .andExpect(status().isNotFound());
            verifyNoInteractions(executions);
        }
    }
}
