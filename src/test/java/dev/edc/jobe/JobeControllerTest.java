package dev.edc.jobe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
import dev.edc.execution.ServiceUnavailableException;
import dev.edc.execution.SourceFile;
import dev.edc.language.LanguageRegistry;
import dev.edc.language.LanguageTestEntries;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
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
 * Jobe's API at the HTTP edge, against what CodeRunner sends (qtype_coderunner's jobesandbox):
 * every endpoint with valid and invalid requests, the run_spec's translation, Jobe's outcomes, and
 * the file cache's 404-then-put-then-run-again.
 */
@WebMvcTest(controllers = JobeController.class)
@EnableConfigurationProperties({AccessProperties.class, ExecutionProperties.class, JobeProperties.class})
@Import({ApiKeys.class, AdminKeys.class, LanguageAvailability.class, JobeControllerTest.Languages.class})
class JobeControllerTest {

    /** What CodeRunner posts for a Python question with a support file and sandbox parameters. */
    static final String CODERUNNER_RUN = """
            {"run_spec": {"language_id": "python3", "sourcecode": "print(open('data.txt').read())",
             "sourcefilename": "__tester__.python3", "input": "7\\n",
             "file_list": [["0cc175b9c0f1b6a831c399e269772661", "data.txt"]],
             "parameters": {"cputime": 3, "memorylimit": 200}}}""";

    @Autowired
    MockMvc http;

    @MockitoBean
    ExecutionService executions;

    @MockitoBean
    FileCache files;

    @TestConfiguration
    static class Languages {
        @Bean
        LanguageRegistry languageRegistry() {
            return LanguageTestEntries.of(
                    LanguageTestEntries.entry("java", "17", true, List.of(), "Main.java", 256, 64),
                    LanguageTestEntries.entry("python", "3.13", true, List.of("py", "python3"), "main.py", 128, 16),
                    LanguageTestEntries.entry("cpp", "14", true, List.of("c++", "cxx"), "main.cpp", 256, 64));
        }
    }

    @Test
    void shouldTranslateCodeRunnersRunSpecIntoEdcsRequest() throws Exception {
        when(files.get("", "0cc175b9c0f1b6a831c399e269772661"))
                .thenReturn(Optional.of("a,b\n".getBytes(StandardCharsets.UTF_8)));
        finishWith(ExecutionStatus.SUCCESS, "a,b\n", "");

        run(CODERUNNER_RUN).andExpect(status().isOk());

        ExecutionRequest request = submitted();
        assertThat(request.language()).isEqualTo("python");
        assertThat(request.version()).isEqualTo("3.13");
        assertThat(request.files())
                .as("the source first, with the language's extension, then the support files")
                .containsExactly(
                        new SourceFile("__tester__.py", "print(open('data.txt').read())"),
                        new SourceFile("data.txt", "a,b\n"));
        assertThat(request.stdin()).isEqualTo("7\n");
        assertThat(request.limits()).isEqualTo(new ExecutionRequest.RequestedLimits(3000L, 200L, null));
    }

    @Test
    void shouldKeepAJavaSourcesNameAndGiveTheLegacyNameTheLanguagesOwn() throws Exception {
        finishWith(ExecutionStatus.SUCCESS, "", "");

        run("""
                        {"run_spec": {"language_id": "java", "sourcecode": "public class Hello {}", "sourcefilename": "Hello.java",
                         "parameters": {"runargs": ["a", "b"], "streamsize": 0.5, "compileargs": ["-Xlint"]}}}""").andExpect(status().isOk());
        run("{\"run_spec\": {\"language_id\": \"Java\", \"sourcecode\": \"class A {}\", \"sourcefilename\": \"prog.java\"}}")
                .andExpect(status().isOk());

        ArgumentCaptor<ExecutionRequest> requests = ArgumentCaptor.forClass(ExecutionRequest.class);
        verify(executions, org.mockito.Mockito.times(2)).submitAndWait(requests.capture(), anyString());
        assertThat(requests.getAllValues().get(0).files())
                .containsExactly(new SourceFile("Hello.java", "public class Hello {}"));
        assertThat(requests.getAllValues().get(0).args()).containsExactly("a", "b");
        assertThat(requests.getAllValues().get(0).limits().outputKb()).isEqualTo(512L);
        assertThat(requests.getAllValues().get(1).files()).containsExactly(new SourceFile("Main.java", "class A {}"));
    }

    static Stream<Arguments> outcomes() {
        return Stream.of(
                Arguments.of(ExecutionStatus.SUCCESS, "", 15),
                Arguments.of(ExecutionStatus.SUCCESS, "warning\n", 12),
                Arguments.of(ExecutionStatus.RUNTIME_ERROR, "Traceback\n", 12),
                Arguments.of(ExecutionStatus.OUTPUT_LIMIT_EXCEEDED, "", 12),
                Arguments.of(ExecutionStatus.TIME_LIMIT_EXCEEDED, "", 13),
                Arguments.of(ExecutionStatus.MEMORY_LIMIT_EXCEEDED, "", 17),
                Arguments.of(ExecutionStatus.INTERNAL_ERROR, "", 20));
    }

    @ParameterizedTest(name = "{0} with stderr ''{1}'' is {2}")
    @MethodSource("outcomes")
    void shouldAnswerJobesOutcomeCodes(ExecutionStatus verdict, String stderr, int outcome) throws Exception {
        finishWith(verdict, "out\n", stderr);

        run(CODERUNNER_RUN_WITHOUT_FILES)
                .andExpect(status().isOk())
                .andExpect(content()
                        .json("{\"run_id\": \"r\", \"outcome\": " + outcome
                                + ", \"cmpinfo\": \"\", \"stdout\": \"out\\n\"}"));
    }

    static final String CODERUNNER_RUN_WITHOUT_FILES = """
            {"run_spec": {"language_id": "cpp", "sourcecode": "int main() {}", "sourcefilename": "__tester__.cpp",
             "input": "", "file_list": [], "parameters": []}}""";

    @Test
    void shouldAnswerACompilationErrorWithTheCompilersMessages() throws Exception {
        ExecutionResult failed = ExecutionResult.queued("r", "cpp", "14", Instant.EPOCH).toBuilder()
                .status(ExecutionStatus.COMPILATION_ERROR)
                .stdout("")
                .stderr("")
                .compileOutput("main.cpp:1: error: expected ';'\n")
                .build();
        when(executions.submitAndWait(any(), anyString())).thenReturn(submission(Optional.of(failed)));

        run(CODERUNNER_RUN_WITHOUT_FILES)
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"run_id": "r", "outcome": 11, "cmpinfo": "main.cpp:1: error: expected ';'\\n", "stdout": "", "stderr": ""}""", true));
    }

    @Test
    void shouldAnswerServerOverloadWhenTheRunIsNotDoneInTimeOrTheQueueIsFull() throws Exception {
        when(executions.submitAndWait(any(), anyString()))
                .thenReturn(submission(Optional.empty()))
                .thenThrow(new QueueFullException());

        run(CODERUNNER_RUN_WITHOUT_FILES)
                .andExpect(status().isOk())
                .andExpect(content().json("{\"run_id\": \"r\", \"outcome\": 21}"));
        run(CODERUNNER_RUN_WITHOUT_FILES)
                .andExpect(status().isOk())
                .andExpect(content().json("{\"outcome\": 21}"));
    }

    @Test
    void shouldAnswer404ForAFileNotInTheCacheSoThatCodeRunnerPutsIt() throws Exception {
        when(files.get(anyString(), anyString())).thenReturn(Optional.empty());

        run(CODERUNNER_RUN)
                .andExpect(status().isNotFound())
                .andExpect(content().json("\"One or more of the specified files is missing/unavailable\""));
        verifyNoInteractions(executions);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("not JSON", "{\"run_spec\": ", "Non-JSON post data received"),
                Arguments.of("no run_spec", "{\"spec\": {}}", "No run_spec attribute found in post data"),
                Arguments.of(
                        "no source",
                        "{\"run_spec\": {\"language_id\": \"cpp\"}}",
                        "run_spec is missing the required attribute 'sourcecode'"),
                Arguments.of(
                        "no language",
                        "{\"run_spec\": {\"sourcecode\": \"x\"}}",
                        "run_spec is missing the required attribute 'language_id'"),
                Arguments.of(
                        "unknown language",
                        "{\"run_spec\": {\"language_id\": \"octave\", \"sourcecode\": \"x\"}}",
                        "Language 'octave' is not known"),
                Arguments.of(
                        "bad file spec",
                        "{\"run_spec\": {\"language_id\": \"cpp\", \"sourcecode\": \"x\", \"file_list\": [[\"short\", \"a.txt\"]]}}",
                        "Invalid file specifier"),
                Arguments.of(
                        "bad file name",
                        "{\"run_spec\": {\"language_id\": \"cpp\", \"sourcecode\": \"x\", \"file_list\": [[\"0123456789abcdef\", \"../a\"]]}}",
                        "Invalid file specifier"),
                Arguments.of(
                        "bad source name",
                        "{\"run_spec\": {\"language_id\": \"cpp\", \"sourcecode\": \"x\", \"sourcefilename\": \"a b.cpp\"}}",
                        "The sourcefilename for the run_spec is illegal"),
                Arguments.of(
                        "too much CPU",
                        "{\"run_spec\": {\"language_id\": \"cpp\", \"sourcecode\": \"x\", \"parameters\": {\"cputime\": 50}}}",
                        "cputime exceeds maximum allowed on this Jobe server (20 secs)"),
                Arguments.of(
                        "too much memory",
                        "{\"run_spec\": {\"language_id\": \"cpp\", \"sourcecode\": \"x\", \"parameters\": {\"memorylimit\": \"2000\"}}}",
                        "memorylimit exceeds maximum allowed on this Jobe server (1024 MB)"),
                Arguments.of(
                        "too much output",
                        "{\"run_spec\": {\"language_id\": \"cpp\", \"sourcecode\": \"x\", \"parameters\": {\"streamsize\": 2}}}",
                        "streamsize exceeds maximum allowed on this Jobe server (1 MB)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void shouldRefuseAnInvalidRunWith400AndWhy(String name, String body, String message) throws Exception {
        run(body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(content().string(containsString(message)));
        verifyNoInteractions(executions);
    }

    @Test
    void shouldAnswer500WhenTheServiceIsDown() throws Exception {
        when(executions.submitAndWait(any(), anyString()))
                .thenThrow(new ServiceUnavailableException(
                        "The result store (Redis) is unavailable; nothing was queued.", null));

        run(CODERUNNER_RUN_WITHOUT_FILES)
                .andExpect(status().isInternalServerError())
                .andExpect(
                        content().string(containsString("Server exception (The result store (Redis) is unavailable")));
    }

    @Test
    void shouldListEachLanguageAndAliasAtItsDefaultVersion() throws Exception {
        http.perform(get("/jobe/index.php/restapi/languages"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        [["java", "17"], ["python", "3.13"], ["py", "3.13"], ["python3", "3.13"], ["cpp", "14"], ["cxx", "14"]]""", true));
    }

    @Test
    void shouldPutAFileAndAnswer204() throws Exception {
        http.perform(put("/jobe/index.php/restapi/files/0cc175b9c0f1b6a831c399e269772661")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"file_contents\": \"YQ==\"}"))
                .andExpect(status().isNoContent());

        verify(files).put(eq(""), eq("0cc175b9c0f1b6a831c399e269772661"), eq(new byte[] {'a'}));
    }

    static Stream<Arguments> badPuts() {
        return Stream.of(
                Arguments.of("abc", "{}", 400, "put: missing file_contents parameter"),
                Arguments.of(
                        "abc",
                        "{\"file_contents\": \"not base64!\"}",
                        400,
                        "put: contents of file abc are not valid base-64"),
                Arguments.of("a-b", "{\"file_contents\": \"YQ==\"}", 404, "No file id in URL"),
                Arguments.of(
                        "big",
                        "{\"file_contents\": \"" + "A".repeat(90_000) + "\"}",
                        413,
                        "bytes but this server keeps files of at most 65536 bytes"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("badPuts")
    void shouldRefuseAFileItCannotKeep(String id, String body, int status, String message) throws Exception {
        http.perform(put("/jobe/index.php/restapi/files/" + id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().is(status))
                .andExpect(content().string(containsString(message)));
        verifyNoInteractions(files);
    }

    @Test
    void shouldSayWhetherAFileIsCached() throws Exception {
        when(files.contains("", "0cc175b9c0f1b6a831c399e269772661")).thenReturn(true);

        http.perform(head("/jobe/index.php/restapi/files/0cc175b9c0f1b6a831c399e269772661"))
                .andExpect(status().isNoContent());
        http.perform(head("/jobe/index.php/restapi/files/92eb5ffee6ae2fec3ad71c777531578f"))
                .andExpect(status().isNotFound());
        http.perform(head("/jobe/index.php/restapi/files/not-an-id")).andExpect(status().isNotFound());
    }

    private void finishWith(ExecutionStatus status, String stdout, String stderr) {
        ExecutionResult done = ExecutionResult.queued("r", "cpp", "14", Instant.EPOCH).toBuilder()
                .status(status)
                .stdout(stdout)
                .stderr(stderr)
                .compileOutput("")
                .message(status == ExecutionStatus.INTERNAL_ERROR ? "Docker is down" : null)
                .build();
        when(executions.submitAndWait(any(), anyString())).thenReturn(submission(Optional.of(done)));
    }

    private static ExecutionService.Submission submission(Optional<ExecutionResult> result) {
        return new ExecutionService.Submission(
                new ExecutionService.Submitted(ExecutionResult.queued("r", "cpp", "14", Instant.EPOCH), "control"),
                CompletableFuture.completedFuture(result));
    }

    private ResultActions run(String body) throws Exception {
        ResultActions started = http.perform(post("/jobe/index.php/restapi/runs")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
        MvcResult pending = started.andReturn();
        return pending.getRequest().isAsyncStarted() ? http.perform(asyncDispatch(pending)) : started;
    }

    private ExecutionRequest submitted() {
        ArgumentCaptor<ExecutionRequest> request = ArgumentCaptor.forClass(ExecutionRequest.class);
        verify(executions).submitAndWait(request.capture(), anyString());
        return request.getValue();
    }

    /** One setting switches the adapter off: its paths are then 404, and nothing reaches the service. */
    @Nested
    @TestPropertySource(properties = "edc.adapters.jobe.enabled=false")
    class SwitchedOff {

        @Test
        void shouldAnswer404OnEveryPath() throws Exception {
            http.perform(get("/jobe/index.php/restapi/languages")).andExpect(status().isNotFound());
            http.perform(post("/jobe/index.php/restapi/runs")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(CODERUNNER_RUN))
                    .andExpect(status().isNotFound());
            verifyNoInteractions(executions);
        }
    }
}
