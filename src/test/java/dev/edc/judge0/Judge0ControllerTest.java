package dev.edc.judge0;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
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
import dev.edc.execution.CallbackFormat;
import dev.edc.execution.ExecutionKey;
import dev.edc.execution.ExecutionProperties;
import dev.edc.execution.ExecutionRequest;
import dev.edc.execution.ExecutionResult;
import dev.edc.execution.ExecutionService;
import dev.edc.execution.ExecutionStatus;
import dev.edc.execution.LanguageAvailability;
import dev.edc.execution.QueueFullException;
import dev.edc.execution.RequestRejectedException;
import dev.edc.execution.SourceFile;
import dev.edc.language.LanguageRegistry;
import dev.edc.language.LanguageTestEntries;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Judge0's API at the HTTP edge, against the requests of Judge0's own documentation
 * (docs/api/submissions in judge0/judge0, v1.13): every endpoint with valid and invalid requests,
 * the translation into EDC's request, and Judge0's answers and error shapes. The documentation's
 * C examples use language id 4, Judge0's old id for C: this test's C carries it beside 50.
 */
@WebMvcTest(controllers = Judge0Controller.class)
@EnableConfigurationProperties({AccessProperties.class, ExecutionProperties.class, Judge0Properties.class})
@Import({
    ApiKeys.class,
    AdminKeys.class,
    Judge0Languages.class,
    LanguageAvailability.class,
    Judge0ControllerTest.Languages.class
})
class Judge0ControllerTest {

    static final String HELLO_C =
            "#include <stdio.h>\\n\\nint main(void) {\\n  char name[10];\\n  scanf(\\\"%s\\\", name);\\n  printf(\\\"hello, %s\\\\n\\\", name);\\n  return 0;\\n}";

    /** docs: "Create a Submission", the first request. */
    static final String DOC_CREATE = "{\"source_code\": \"" + HELLO_C + "\", \"language_id\": 4, \"stdin\": \"world\"}";

    @Autowired
    MockMvc http;

    @MockitoBean
    ExecutionService executions;

    @TestConfiguration
    static class Languages {
        @Bean
        LanguageRegistry languageRegistry() {
            return LanguageTestEntries.of(
                    LanguageTestEntries.entry("c", "14", true, List.of(), "main.c", 256, 64),
                    LanguageTestEntries.entry("java", "17", true, List.of(), "Main.java", 256, 64),
                    LanguageTestEntries.entry("javascript", "20", true, List.of("js"), "main.js", 128, 32),
                    LanguageTestEntries.entry("bash", "5", true, List.of("sh"), "main.sh", 64, 16),
                    LanguageTestEntries.entry("python", "3.13", true, List.of("py"), "main.py", 128, 16),
                    LanguageTestEntries.entry("ruby", "3.3", true, List.of("rb"), "main.rb", 128, 16));
        }

        @Bean
        Judge0LanguageIds judge0LanguageIds() {
            return Judge0LanguageIds.of(
                    new Judge0LanguageIds.Entry("c", "14", List.of(50, 4)),
                    new Judge0LanguageIds.Entry("java", "17", List.of(62, 91)),
                    new Judge0LanguageIds.Entry("javascript", "20", List.of(63, 93)),
                    new Judge0LanguageIds.Entry("bash", "5", List.of(46)),
                    new Judge0LanguageIds.Entry("python", "3.13", List.of(71, 92)),
                    new Judge0LanguageIds.Entry("ruby", "3.3", List.of(72)));
        }
    }

    @Test
    void shouldCreateTheDocumentationsSubmissionAndAnswerItsToken() throws Exception {
        queueAs("d85cd024-1548-4165-96c7-7bc88673f194");

        create("", DOC_CREATE)
                .andExpect(status().isCreated())
                .andExpect(content().json("{\"token\": \"d85cd024-1548-4165-96c7-7bc88673f194\"}", true));

        ExecutionRequest request = submitted();
        assertThat(request.language()).isEqualTo("c");
        assertThat(request.version()).isEqualTo("14");
        assertThat(request.code()).startsWith("#include <stdio.h>\n\nint main(void) {");
        assertThat(request.stdin()).isEqualTo("world");
        assertThat(request.args()).isEmpty();
        assertThat(request.limits()).isEqualTo(new ExecutionRequest.RequestedLimits(null, null, null));
    }

    @Test
    void shouldRefuseTheDocumentationsSubmissionWithoutALanguage() throws Exception {
        create("", "{\"source_code\": \"" + HELLO_C + "\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().json("{\"language_id\": [\"can't be blank\"]}", true));
        verifyNoInteractions(executions);
    }

    @Test
    void shouldRefuseTheDocumentationsUnknownLanguage() throws Exception {
        create(
                        "",
                        "{\"source_code\": \"" + HELLO_C
                                + "\", \"language_id\": 150000, \"stdin\": \"world\", \"expected_output\": \"hello, world\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.language_id[0]").value("language with id 150000 doesn't exist"));
        verifyNoInteractions(executions);
    }

    @Test
    void shouldRefuseTheDocumentationsWallTimeAboveThisServersMaximum() throws Exception {
        create(
                        "",
                        "{\"source_code\": \"" + HELLO_C + "\", \"language_id\": 4, \"number_of_runs\": 1,"
                                + " \"stdin\": \"Judge0\", \"cpu_time_limit\": 1, \"cpu_extra_time\": 0.5,"
                                + " \"wall_time_limit\": 100000, \"memory_limit\": 128000, \"stack_limit\": 128000,"
                                + " \"enable_per_process_and_thread_time_limit\": false,"
                                + " \"enable_per_process_and_thread_memory_limit\": false, \"max_file_size\": 1024}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().json("{\"wall_time_limit\": [\"must be less than or equal to 20\"]}", true));
        verifyNoInteractions(executions);
    }

    @Test
    void shouldDecodeTheDocumentationsBase64SubmissionIgnoringWhatJudge0Ignores() throws Exception {
        queueAs("f3fe0215-72f3-4fe6-97f5-353df6682db4");

        create("?base64_encoded=true", """
                        {"source_code": "I2luY2x1ZGUgPHN0ZGlvLmg+CgppbnQgbWFpbih2b2lkKSB7CiAgY2hhciBuYW1lWzEwXTsKICBzY2FuZigiJXMiLCBuYW1lKTsKICBwcmludGYoImhlbGxvLCAlc1xuIiwgbmFtZSk7CiAgcmV0dXJuIDA7Cn0=",
                         "language_id": 4, "input": "SnVkZ2Uw"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.token").value("f3fe0215-72f3-4fe6-97f5-353df6682db4"));

        ExecutionRequest request = submitted();
        assertThat(request.code()).isEqualTo("""
                #include <stdio.h>

                int main(void) {
                  char name[10];
                  scanf("%s", name);
                  printf("hello, %s\\n", name);
                  return 0;
                }""");
        assertThat(request.stdin()).as("'input' is not an attribute").isNull();
    }

    @Test
    void shouldWaitForTheDocumentationsSubmissionAndAnswerItsDefaultAttributes() throws Exception {
        ExecutionResult queued =
                ExecutionResult.queued("eb0dd001-66db-47f4-8a69-b736c9bc23f6", "c", "14", Instant.EPOCH);
        when(executions.submitAndWait(any(), anyString(), eq(CallbackFormat.JUDGE0)))
                .thenReturn(new ExecutionService.Submission(
                        new ExecutionService.Submitted(queued, "control"),
                        CompletableFuture.completedFuture(Optional.of(queued.toBuilder()
                                .status(ExecutionStatus.SUCCESS)
                                .exitCode(0)
                                .stdout("hello, Judge0\n")
                                .stderr("")
                                .compileOutput("")
                                .timeMs(1L)
                                .memoryKb(380L)
                                .build()))));

        create(
                        "?wait=true",
                        "{\"source_code\": \"" + HELLO_C
                                + "\", \"language_id\": \"4\", \"stdin\": \"Judge0\", \"expected_output\": \"hello, Judge0\"}")
                .andExpect(status().isCreated())
                .andExpect(content().json("""
                                {"stdout": "hello, Judge0\\n", "time": "0.001", "memory": 380, "stderr": null,
                                 "token": "eb0dd001-66db-47f4-8a69-b736c9bc23f6", "compile_output": null, "message": null,
                                 "status": {"id": 3, "description": "Accepted"}}""", true));

        ExecutionRequest request = waited();
        assertThat(request.expectedOutput()).isEqualTo("hello, Judge0");
        assertThat(request.compare())
                .as("Judge0 strips each line's end and the last blank lines")
                .isEqualTo("trim");
    }

    @Test
    void shouldAnswerWrongAnswerWhenEdcFoundTheOutputNotTheExpectedOne() throws Exception {
        finished("wrong", "hello, world\n", ExecutionStatus.WRONG_ANSWER);

        http.perform(get("/judge0/submissions/wrong?fields=status,exit_code"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .json("{\"status\": {\"id\": 4, \"description\": \"Wrong Answer\"}, \"exit_code\": 0}", true));
    }

    @Test
    void shouldHandTheCallbackUrlToEdcsWebhooksInJudge0sFormat() throws Exception {
        queueAs("hook");

        create("", "{\"source_code\": \"x\", \"language_id\": 62, \"callback_url\": \"https://grader.example/judge0\"}")
                .andExpect(status().isCreated());

        assertThat(submitted().callbackUrl()).isEqualTo("https://grader.example/judge0");
    }

    @Test
    void shouldRefuseACallbackEdcWillNotCallUnderItsAttribute() throws Exception {
        when(executions.submit(any(), anyString(), eq(CallbackFormat.JUDGE0)))
                .thenThrow(
                        RequestRejectedException.invalid("callbackUrl", "Invalid callbackUrl", "127.0.0.1 is inside"));

        create("", "{\"source_code\": \"x\", \"language_id\": 62, \"callback_url\": \"http://127.0.0.1/\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().json("{\"callback_url\": [\"127.0.0.1 is inside\"]}", true));
    }

    @Test
    void shouldAnswerTheSubmissionAsItStandsWhenTheWaitBoundPasses() throws Exception {
        ExecutionResult queued = ExecutionResult.queued("slow", "java", "17", Instant.EPOCH);
        when(executions.submitAndWait(any(), anyString(), eq(CallbackFormat.JUDGE0)))
                .thenReturn(new ExecutionService.Submission(
                        new ExecutionService.Submitted(queued, "control"),
                        CompletableFuture.completedFuture(Optional.empty())));
        when(executions.find(new ExecutionKey("", "slow"))).thenReturn(Optional.of(queued.running(Instant.EPOCH)));

        (create("?wait=true&fields=token,status", "{\"source_code\": \"x\", \"language_id\": 62}"))
                .andExpect(status().isCreated())
                .andExpect(content()
                        .json("{\"token\": \"slow\", \"status\": {\"id\": 2, \"description\": \"Processing\"}}", true));
    }

    @Test
    void shouldTranslateLimitsAndArgumentsAsJudge0MeansThem() throws Exception {
        queueAs("t");

        create("", """
                        {"source_code": "x", "language_id": 62, "cpu_time_limit": "1.5", "wall_time_limit": 4,
                         "memory_limit": 128000, "command_line_arguments": "a 'b c' \\"d\\\\\\"e\\" f\\\\ g; rm -rf /"}""").andExpect(status().isCreated());

        ExecutionRequest request = submitted();
        assertThat(request.limits())
                .as("the lower time limit in ms, kilobytes as megabytes")
                .isEqualTo(new ExecutionRequest.RequestedLimits(1500L, 125L, null));
        assertThat(request.args()).containsExactly("a", "b c", "d\"e", "f g", "rm", "-rf", "/");
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of(
                        "blank source",
                        "{\"source_code\": \" \", \"language_id\": 62}",
                        "source_code",
                        "can't be blank"),
                Arguments.of(
                        "language not a number",
                        "{\"source_code\": \"x\", \"language_id\": \"java\"}",
                        "language_id",
                        "language with id java doesn't exist"),
                Arguments.of(
                        "time not a number",
                        "{\"source_code\": \"x\", \"language_id\": 62, \"cpu_time_limit\": \"soon\"}",
                        "cpu_time_limit",
                        "is not a number"),
                Arguments.of(
                        "negative time",
                        "{\"source_code\": \"x\", \"language_id\": 62, \"cpu_time_limit\": -1}",
                        "cpu_time_limit",
                        "must be greater than or equal to 0"),
                Arguments.of(
                        "wall time below 1",
                        "{\"source_code\": \"x\", \"language_id\": 62, \"wall_time_limit\": 0.5}",
                        "wall_time_limit",
                        "must be greater than or equal to 1"),
                Arguments.of(
                        "memory below Judge0's least",
                        "{\"source_code\": \"x\", \"language_id\": 62, \"memory_limit\": 1000}",
                        "memory_limit",
                        "must be greater than or equal to 2048"),
                Arguments.of(
                        "memory above EDC's maximum",
                        "{\"source_code\": \"x\", \"language_id\": 62, \"memory_limit\": 2000000}",
                        "memory_limit",
                        "must be less than or equal to 1048576"),
                Arguments.of(
                        "no runs",
                        "{\"source_code\": \"x\", \"language_id\": 62, \"number_of_runs\": 0}",
                        "number_of_runs",
                        "must be greater than 0"),
                Arguments.of(
                        "arguments too long",
                        "{\"source_code\": \"x\", \"language_id\": 62, \"command_line_arguments\": \"" + "a".repeat(513)
                                + "\"}",
                        "command_line_arguments",
                        "is too long (maximum is 512 characters)"),
                Arguments.of(
                        "compiler options",
                        "{\"source_code\": \"x\", \"language_id\": 62, \"compiler_options\": \"-O3\"}",
                        "compiler_options",
                        "setting compiler options is not allowed"),
                Arguments.of(
                        "network",
                        "{\"source_code\": \"x\", \"language_id\": 62, \"enable_network\": true}",
                        "enable_network",
                        "enabling network is not allowed"),
                Arguments.of(
                        "stderr into stdout",
                        "{\"source_code\": \"x\", \"language_id\": 62, \"redirect_stderr_to_stdout\": \"true\"}",
                        "redirect_stderr_to_stdout",
                        "redirecting stderr to stdout is not allowed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void shouldRefuseAnInvalidSubmissionWithItsErrorsByAttribute(
            String name, String body, String attribute, String error) throws Exception {
        create("", body)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$." + attribute + "[0]").value(containsString(error)));
        verifyNoInteractions(executions);
    }

    @Test
    void shouldPutTheAdditionalFilesBesideTheProgram() throws Exception {
        queueAs("zip");
        String archive = zip(
                "greet.h",
                "#define GREETING \"hi\"\n".getBytes(StandardCharsets.UTF_8),
                "data/names.txt",
                "ada\n".getBytes(StandardCharsets.UTF_8));

        create(
                        "",
                        "{\"source_code\": \"#include \\\"greet.h\\\"\", \"language_id\": 50, \"additional_files\": \""
                                + archive + "\"}")
                .andExpect(status().isCreated());

        ExecutionRequest request = submitted();
        assertThat(request.code()).isNull();
        assertThat(request.files())
                .containsExactly(
                        new SourceFile("main.c", "#include \"greet.h\""),
                        new SourceFile("greet.h", "#define GREETING \"hi\"\n"),
                        new SourceFile("data/names.txt", "ada\n"));
    }

    static Stream<Arguments> badArchives() throws Exception {
        return Stream.of(
                Arguments.of("not Base64", "%%%", "is not a zip archive"),
                Arguments.of(
                        "not a zip",
                        Base64.getEncoder().encodeToString("plain text".getBytes(StandardCharsets.UTF_8)),
                        "is not a zip archive"),
                Arguments.of(
                        "a binary file",
                        zip("a.bin", new byte[] {(byte) 0xff, 0}),
                        "holds a.bin, which is not UTF-8 text"),
                Arguments.of(
                        "a path out of the program",
                        zip("../escape.h", "x".getBytes(StandardCharsets.UTF_8)),
                        "files[1].name must be a relative path"),
                Arguments.of(
                        "a zip bomb",
                        zip("big.txt", new byte[70_000]),
                        "is larger than this server's largest program once unzipped (65536 bytes)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArchives")
    void shouldRefuseAdditionalFilesItCannotRun(String name, String archive, String error) throws Exception {
        create("", "{\"source_code\": \"x\", \"language_id\": 50, \"additional_files\": \"" + archive + "\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.additional_files[0]").value(containsString(error)));
        verifyNoInteractions(executions);
    }

    static String zip(Object... namesAndContents) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new java.util.zip.ZipEntry((String) namesAndContents[i]));
                zip.write((byte[]) namesAndContents[i + 1]);
                zip.closeEntry();
            }
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    @Test
    void shouldRefuseSourceThatIsNotTextOnceDecoded() throws Exception {
        create("?base64_encoded=true", "{\"source_code\": \"/w==\", \"language_id\": 62}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.source_code[0]").value(containsString("is not UTF-8 text")));
    }

    @Test
    void shouldRefuseWhatEdcRefusesUnderTheAttributeItCameFrom() throws Exception {
        when(executions.submit(any(), anyString(), eq(CallbackFormat.JUDGE0)))
                .thenThrow(RequestRejectedException.notFound("never"))
                .thenThrow(new QueueFullException());

        create("", "{\"source_code\": \"x\", \"language_id\": 62}").andExpect(status().isNotFound());
        create("", "{\"source_code\": \"x\", \"language_id\": 62}")
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(content().json("{\"error\": \"queue is full\"}", true));
    }

    @Test
    void shouldAnswerTheAttributesAskedForAsTheDocumentationShows() throws Exception {
        finished("d85cd024-1548-4165-96c7-7bc88673f194", "hello, world\n", ExecutionStatus.TIME_LIMIT_EXCEEDED);

        http.perform(
                        get(
                                "/judge0/submissions/d85cd024-1548-4165-96c7-7bc88673f194?fields=stdout,stderr,status_id,language_id"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .json(
                                "{\"stdout\": \"hello, world\\n\", \"status_id\": 5, \"language_id\": 50, \"stderr\": null}",
                                true));
    }

    @Test
    void shouldAnswerTextsInBase64AsRubyWritesItWhenAsked() throws Exception {
        finished("4e00f214-b8cb-4fcb-977b-429113c81ece", "hello, Judge0\n", ExecutionStatus.SUCCESS);

        http.perform(get("/judge0/submissions/4e00f214-b8cb-4fcb-977b-429113c81ece?base64_encoded=true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stdout").value("aGVsbG8sIEp1ZGdlMAo=\n"))
                .andExpect(jsonPath("$.status.id").value(3));
    }

    @Test
    void shouldAnswerEveryAttributeForAStar() throws Exception {
        finished("all", "x", ExecutionStatus.RUNTIME_ERROR);

        var answer = http.perform(get("/judge0/submissions/all?fields=*"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.language.id").value(50))
                .andExpect(jsonPath("$.language.name").value("c (c 14)"))
                .andExpect(jsonPath("$.exit_code").value(0))
                .andExpect(jsonPath("$.exit_signal").value(11))
                .andExpect(jsonPath("$.status.description").value("Runtime Error (SIGSEGV)"))
                .andExpect(jsonPath("$.message").value("Caught fatal signal 11"))
                .andExpect(jsonPath("$.source_code").isEmpty())
                .andReturn();
        assertThat(answer.getResponse().getContentAsString())
                .contains(Judge0Fields.ALL.stream()
                        .map(name -> "\"" + name + "\":")
                        .toList());
    }

    @Test
    void shouldRefuseUnknownFieldsByName() throws Exception {
        http.perform(get("/judge0/submissions/x?fields=stdout,color,size"))
                .andExpect(status().isBadRequest())
                .andExpect(content().json("{\"error\": \"invalid fields: [color, size]\"}", true));
    }

    @Test
    void shouldAnswer404ForATokenThisKeyDoesNotHave() throws Exception {
        when(executions.find(any())).thenReturn(Optional.empty());

        http.perform(get("/judge0/submissions/d85cd024-1548-4165-96c7-7bc88673f194"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("Not Found"));
    }

    @Test
    void shouldCreateTheDocumentationsBatch() throws Exception {
        AtomicInteger next = new AtomicInteger();
        when(executions.submit(any(), anyString(), eq(CallbackFormat.JUDGE0)))
                .thenAnswer(call -> new ExecutionService.Submitted(
                        ExecutionResult.queued("token-" + next.incrementAndGet(), "x", "1", Instant.EPOCH), "control"));

        http.perform(post("/judge0/submissions/batch")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"submissions": [{"language_id": 46, "source_code": "echo hello from Bash"},
                                         {"language_id": 71, "source_code": "print(\\"hello from Python\\")"},
                                         {"language_id": 72, "source_code": "puts(\\"hello from Ruby\\")"}]}"""))
                .andExpect(status().isCreated())
                .andExpect(content()
                        .json("[{\"token\": \"token-1\"}, {\"token\": \"token-2\"}, {\"token\": \"token-3\"}]", true));
    }

    @Test
    void shouldQueueTheValidSubmissionsOfABatchAndAnswerTheErrorsOfTheOthersInOrder() throws Exception {
        when(executions.submit(any(), anyString(), eq(CallbackFormat.JUDGE0)))
                .thenReturn(new ExecutionService.Submitted(
                        ExecutionResult.queued("ok", "bash", "5", Instant.EPOCH), "control"));

        http.perform(post("/judge0/submissions/batch")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"submissions": [{"language_id": 46, "source_code": "echo hello from Bash"},
                                         {"language_id": 123456789, "source_code": "print(\\"hello from Python\\")"},
                                         {"language_id": 72, "source_code": ""}]}"""))
                .andExpect(status().isCreated())
                .andExpect(content().json("""
                        [{"token": "ok"}, {"language_id": ["language with id 123456789 doesn't exist"]},
                         {"source_code": ["can't be blank"]}]""", true));
    }

    @Test
    void shouldAnswer422WhenNoSubmissionOfABatchIsValid() throws Exception {
        http.perform(post("/judge0/submissions/batch")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"submissions\": [{\"language_id\": 46}]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().json("[{\"source_code\": [\"can't be blank\"]}]", true));
        verify(executions, never()).submit(any(), anyString(), any());
    }

    static Stream<Arguments> badBatches() {
        String one = "{\"language_id\": 46, \"source_code\": \"echo\"}";
        return Stream.of(
                Arguments.of("{\"submissions\": []}", "there should be at least one submission in a batch"),
                Arguments.of("{}", "there should be at least one submission in a batch"),
                Arguments.of(
                        "{\"submissions\": [" + String.join(",", java.util.Collections.nCopies(21, one)) + "]}",
                        "number of submissions in a batch should be less than or equal to 20"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badBatches")
    void shouldRefuseABatchOfNoneOrTooMany(String body, String error) throws Exception {
        http.perform(post("/judge0/submissions/batch")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().json("{\"error\": \"" + error + "\"}", true));
        verifyNoInteractions(executions);
    }

    @Test
    void shouldReadABatchInTheOrderAskedWithNullForUnknownTokens() throws Exception {
        finished("db54881d-bcf5-4c7b-a2e3-d33fe7e25de7", "hello from Bash\n", ExecutionStatus.SUCCESS);
        finished("ecc52a9b-ea80-4a00-ad50-4ab6cc3bb2a1", "hello from Python\n", ExecutionStatus.SUCCESS);

        http.perform(
                        get(
                                "/judge0/submissions/batch?tokens=db54881d-bcf5-4c7b-a2e3-d33fe7e25de7,ecc52a9b-ea80-4a00-ad50-4ab6cc3bb2a1,1b35ec3b-5776-48ef-b646-d5522bdeb2cc&base64_encoded=false&fields=token,stdout,stderr,status_id,language_id"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"submissions": [
                          {"token": "db54881d-bcf5-4c7b-a2e3-d33fe7e25de7", "stdout": "hello from Bash\\n", "stderr": null, "status_id": 3, "language_id": 50},
                          {"token": "ecc52a9b-ea80-4a00-ad50-4ab6cc3bb2a1", "stdout": "hello from Python\\n", "stderr": null, "status_id": 3, "language_id": 50},
                          null]}""", true));
    }

    @Test
    void shouldRefuseABatchReadOfNoToken() throws Exception {
        http.perform(get("/judge0/submissions/batch"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("there should be at least one submission in a batch"));
    }

    @Test
    void shouldListTheLanguagesUnderTheirJudge0Ids() throws Exception {
        http.perform(get("/judge0/languages"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(4))
                .andExpect(jsonPath("$[0].name").value("c (c 14)"))
                .andExpect(jsonPath("$[?(@.id == 62)].name").value("java (java 17)"))
                .andExpect(jsonPath("$.length()").value(10));
    }

    @Test
    void shouldListJudge0sFourteenStatuses() throws Exception {
        http.perform(get("/judge0/statuses"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(14))
                .andExpect(jsonPath("$[3].id").value(4))
                .andExpect(jsonPath("$[3].description").value("Wrong Answer"))
                .andExpect(jsonPath("$[10].description").value("Runtime Error (NZEC)"))
                .andExpect(jsonPath("$[13].description").value("Exec Format Error"));
    }

    private void queueAs(String token) {
        when(executions.submit(any(), anyString(), eq(CallbackFormat.JUDGE0)))
                .thenReturn(new ExecutionService.Submitted(
                        ExecutionResult.queued(token, "c", "14", Instant.EPOCH), "control"));
    }

    private void finished(String token, String stdout, ExecutionStatus status) {
        ExecutionResult result = ExecutionResult.queued(token, "c", "14", Instant.EPOCH).toBuilder()
                .status(status)
                .exitCode(status == ExecutionStatus.RUNTIME_ERROR ? 139 : 0)
                .signal(status == ExecutionStatus.RUNTIME_ERROR ? "SIGSEGV" : null)
                .stdout(stdout)
                .stderr("")
                .compileOutput("")
                .timeMs(12L)
                .memoryKb(376L)
                .finishedAt(Instant.EPOCH)
                .build();
        when(executions.find(new ExecutionKey("", token))).thenReturn(Optional.of(result));
    }

    private ResultActions create(String query, String body) throws Exception {
        return dispatched(http.perform(post("/judge0/submissions" + query)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)));
    }

    private ResultActions dispatched(ResultActions started) throws Exception {
        MvcResult pending = started.andReturn();
        return pending.getRequest().isAsyncStarted() ? http.perform(asyncDispatch(pending)) : started;
    }

    private ExecutionRequest waited() {
        ArgumentCaptor<ExecutionRequest> request = ArgumentCaptor.forClass(ExecutionRequest.class);
        verify(executions).submitAndWait(request.capture(), anyString(), eq(CallbackFormat.JUDGE0));
        return request.getValue();
    }

    private ExecutionRequest submitted() {
        ArgumentCaptor<ExecutionRequest> request = ArgumentCaptor.forClass(ExecutionRequest.class);
        verify(executions).submit(request.capture(), anyString(), eq(CallbackFormat.JUDGE0));
        return request.getValue();
    }

    /** One setting switches the adapter off: its paths are then 404, and nothing reaches the service. */
    @Nested
    @TestPropertySource(properties = "edc.adapters.judge0.enabled=false")
    class SwitchedOff {

        @Test
        void shouldAnswer404OnEveryPath() throws Exception {
            http.perform(get("/judge0/statuses")).andExpect(status().isNotFound());
            http.perform(post("/judge0/submissions")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(DOC_CREATE))
                    .andExpect(status().isNotFound());
            verifyNoInteractions(executions);
        }
    }
}
