package dev.edc.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import dev.edc.language.LanguageTestEntries;
import dev.edc.language.UnknownLanguageException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What makes a request runnable, and what each refusal says. */
class SubmissionsTest {

    private static final ExecutionKey KEY = ExecutionKey.anonymous("s");

    private final Webhooks webhooks = mock(Webhooks.class);
    private final Submissions submissions =
            new Submissions(LanguageTestEntries.javaAndJavaScript(), ExecutionDefaults.properties(), webhooks);

    private static ExecutionRequest.ExecutionRequestBuilder request() {
        return ExecutionRequest.builder().language("js").code("console.log(1)");
    }

    private ExecutionJob job(ExecutionRequest request) {
        return submissions.toJob(request, CallbackFormat.EDC, KEY, Instant.EPOCH);
    }

    private void assertRefused(ExecutionRequest request, RequestRejectedException.Reason reason, String detail) {
        assertThatThrownBy(() -> job(request)).isInstanceOfSatisfying(RequestRejectedException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.getMessage()).isEqualTo(detail);
        });
    }

    @Test
    void shouldResolveTheLanguageAndTheDefaultsAndNameTheSingleFile() {
        ExecutionJob job = job(request().build());

        assertThat(job.language()).isEqualTo("javascript");
        assertThat(job.version()).isEqualTo("20");
        assertThat(job.files()).containsExactly(new SourceFile("main.js", "console.log(1)"));
        assertThat(job.limits()).isEqualTo(new Limits(5000, 128, 64));
        assertThat(job.args()).isEmpty();
    }

    @Test
    void shouldListTheChoicesForAnUnknownLanguageOrVersion() {
        assertThatThrownBy(() -> job(request().language("cobol").build()))
                .isInstanceOf(UnknownLanguageException.class)
                .hasMessage("Language 'cobol' is not supported. Supported languages: java, javascript.");
        assertThatThrownBy(() -> job(request().language("Java").version("8").build()))
                .hasMessage("Version '8' of java is not supported. Supported versions: 11, 17, 21.");
    }

    @Test
    void shouldRefuseAProgramThatIsMissingEmptyOrGivenTwice() {
        assertRefused(
                request().code(null).build(),
                RequestRejectedException.Reason.INVALID,
                "code is required (or files, for a program of several files).");
        assertRefused(
                request().code("  \n").build(),
                RequestRejectedException.Reason.INVALID,
                "code is empty: send the program's source.");
        assertRefused(
                request().files(List.of(new SourceFile("a.js", "1"))).build(),
                RequestRejectedException.Reason.INVALID,
                "Give either code or files, not both.");
        assertRefused(
                request()
                        .code(null)
                        .files(List.of(new SourceFile("a.js", "1"), new SourceFile("a.js", "2")))
                        .build(),
                RequestRejectedException.Reason.INVALID,
                "files has two files named 'a.js'.");
    }

    @Test
    void shouldRefuseWhatIsTooLargeSayingTheMaximum() {
        assertRefused(
                request().code("x".repeat(70_000)).build(),
                RequestRejectedException.Reason.TOO_LARGE,
                "code is 70000 bytes but this server accepts at most 65536 bytes.");
        assertRefused(
                request()
                        .code(null)
                        .files(List.of(
                                new SourceFile("a.js", "x".repeat(40_000)), new SourceFile("b.js", "y".repeat(40_000))))
                        .build(),
                RequestRejectedException.Reason.TOO_LARGE,
                "files is 80000 bytes but this server accepts at most 65536 bytes.");
        assertRefused(
                request().stdin("é".repeat(600_000)).build(),
                RequestRejectedException.Reason.TOO_LARGE,
                "stdin is 1200000 bytes but this server accepts at most 1048576 bytes.");
        assertRefused(
                request().args(Collections.nCopies(65, "a")).build(),
                RequestRejectedException.Reason.INVALID,
                "args has 65 entries but this server accepts at most 64.");
        assertRefused(
                request().args(List.of("a".repeat(70_000))).build(),
                RequestRejectedException.Reason.TOO_LARGE,
                "args is 70000 bytes but this server accepts at most 65536 bytes.");
    }

    @Test
    void shouldRefuseLimitsAboveTheMaximumOrBelowWhatTheLanguageNeeds() {
        assertRefused(
                request()
                        .limits(new ExecutionRequest.RequestedLimits(999_999L, null, null))
                        .build(),
                RequestRejectedException.Reason.INVALID,
                "limits.timeMs is 999999 but this server allows at most 20000.");
        assertRefused(
                request()
                        .limits(new ExecutionRequest.RequestedLimits(null, 99_999L, null))
                        .build(),
                RequestRejectedException.Reason.INVALID,
                "limits.memoryMb is 99999 but this server allows at most 1024.");
        assertRefused(
                request()
                        .limits(new ExecutionRequest.RequestedLimits(null, null, 99_999L))
                        .build(),
                RequestRejectedException.Reason.INVALID,
                "limits.outputKb is 99999 but this server allows at most 1024.");
        assertRefused(
                request()
                        .language("java")
                        .limits(new ExecutionRequest.RequestedLimits(null, 32L, null))
                        .build(),
                RequestRejectedException.Reason.INVALID,
                "limits.memoryMb is 32 but java 17 needs at least 64 (its compiler and runtime).");
    }

    @Test
    void shouldNameTheMemberOfTheRequestARefusalIsAbout() {
        assertThat(fieldOf(request().code(" ").build())).contains("code");
        assertThat(fieldOf(request().stdin("é".repeat(600_000)).build())).contains("stdin");
        assertThat(fieldOf(request().args(Collections.nCopies(65, "a")).build()))
                .contains("args");
        assertThat(fieldOf(request()
                        .limits(new ExecutionRequest.RequestedLimits(999_999L, null, null))
                        .build()))
                .contains("limits.timeMs");
        assertThat(fieldOf(request()
                        .language("java")
                        .limits(new ExecutionRequest.RequestedLimits(null, 32L, null))
                        .build()))
                .contains("limits.memoryMb");
    }

    private java.util.Optional<String> fieldOf(ExecutionRequest request) {
        try {
            job(request);
        } catch (RequestRejectedException e) {
            return e.field();
        }
        throw new AssertionError("not refused: " + request);
    }

    @Test
    void shouldKeepTheLimitsAsked() {
        ExecutionJob job = job(request()
                .limits(new ExecutionRequest.RequestedLimits(1500L, 64L, 8L))
                .build());

        assertThat(job.limits()).isEqualTo(new Limits(1500, 64, 8));
    }

    @Test
    void shouldRefuseArgumentsForALanguageWhoseProgramsCannotSeeThem() {
        Submissions withSql = new Submissions(LanguageTestEntries.withSql(), ExecutionDefaults.properties(), webhooks);
        ExecutionRequest.ExecutionRequestBuilder sql =
                ExecutionRequest.builder().language("sqlite").code("select 1;");
        String detail = "sql 3.46 programs cannot read command-line arguments: send the input as stdin.";

        assertThatThrownBy(() -> withSql.toJob(sql.args(List.of("x")).build(), CallbackFormat.EDC, KEY, Instant.EPOCH))
                .isInstanceOf(RequestRejectedException.class)
                .hasMessage(detail);
        assertThatThrownBy(() -> withSql.toJob(
                        sql.args(null)
                                .tests(List.of(new TestCase("a", "", List.of("x"), "1")))
                                .build(),
                        CallbackFormat.EDC,
                        KEY,
                        Instant.EPOCH))
                .hasMessage(detail);
        assertThat(withSql.toJob(sql.args(List.of()).tests(null).build(), CallbackFormat.EDC, KEY, Instant.EPOCH)
                        .language())
                .isEqualTo("sql");
    }
}
