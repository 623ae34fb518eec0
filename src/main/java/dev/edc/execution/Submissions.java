package dev.edc.execution;

import dev.edc.language.LanguageRegistry;
import dev.edc.language.LanguageVersion;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Turns a request into a job that can run: its language resolved, its program as files, its sizes
 * and limits checked against the server's bounds. What fails is a {@link RequestRejectedException}
 * or an unknown language, saying what to change.
 */
@Component
class Submissions {

    private final LanguageRegistry languages;
    private final ExecutionProperties properties;
    private final Webhooks webhooks;

    Submissions(LanguageRegistry languages, ExecutionProperties properties, Webhooks webhooks) {
        this.languages = languages;
        this.properties = properties;
        this.webhooks = webhooks;
    }

    ExecutionJob toJob(ExecutionRequest request, CallbackFormat callbackFormat, ExecutionKey key, Instant queuedAt) {
        LanguageVersion language = languages.require(request.language(), request.version());
        List<SourceFile> files = files(request, language);
        requireStdinAndArgs(request);
        requireTests(request);
        requireArgumentsSupported(request, language);
        if (request.callbackUrl() != null) {
            webhooks.requireDeliverable(request.callbackUrl());
        }
        return ExecutionJob.builder()
                .uuid(key.uuid())
                .owner(key.owner())
                .language(language.language())
                .version(language.version())
                .files(files)
                .stdin(request.stdin())
                .args(request.args() == null ? List.of() : request.args())
                .limits(limits(request.limits(), language))
                .queuedAt(queuedAt)
                .tests(request.tests())
                .compare(Compare.of(request.compare()))
                .epsilon(request.epsilon())
                .expectedOutput(request.expectedOutput())
                .callbackUrl(request.callbackUrl())
                .callbackFormat(request.callbackUrl() == null ? null : callbackFormat)
                .interactive(Boolean.TRUE.equals(request.interactive()))
                .build();
    }

    /** The program as files, the entry point first: {@code code} becomes the language's one source file. */
    private List<SourceFile> files(ExecutionRequest request, LanguageVersion language) {
        if (request.code() != null && request.files() != null) {
            throw RequestRejectedException.invalid("code", "Invalid request", "Give either code or files, not both.");
        }
        if (request.code() == null
                && (request.files() == null || request.files().isEmpty())) {
            throw RequestRejectedException.invalid(
                    "code", "Invalid request", "code is required (or files, for a program of several files).");
        }
        List<SourceFile> files = request.code() != null
                ? List.of(new SourceFile(language.sourceFile(), request.code()))
                : request.files();
        if (files.stream().allMatch(file -> file.content().isBlank())) {
            throw RequestRejectedException.invalid(
                    "code", "Empty program", "code is empty: send the program's source.");
        }
        Set<String> names = new HashSet<>();
        for (SourceFile file : files) {
            if (!names.add(file.name())) {
                throw RequestRejectedException.invalid(
                        "files", "Invalid request", "files has two files named '" + file.name() + "'.");
            }
        }
        requireAtMost(
                request.code() != null ? "code" : "files",
                files.stream().mapToLong(file -> bytes(file.content())).sum(),
                properties.maxCodeSize());
        return files;
    }

    private void requireStdinAndArgs(ExecutionRequest request) {
        if (request.stdin() != null) {
            requireAtMost("stdin", bytes(request.stdin()), properties.maxStdinSize());
        }
        if (request.args() != null) {
            if (request.args().size() > properties.maxArgs()) {
                throw RequestRejectedException.invalid(
                        "args",
                        "Too many arguments",
                        "args has " + request.args().size() + " entries but this server accepts at most "
                                + properties.maxArgs() + ".");
            }
            requireAtMost(
                    "args",
                    request.args().stream().mapToLong(Submissions::bytes).sum(),
                    properties.maxArgsSize());
        }
    }

    /** A language whose programs cannot see arguments refuses them rather than run without. */
    private static void requireArgumentsSupported(ExecutionRequest request, LanguageVersion language) {
        boolean anyArgs = request.args() != null && !request.args().isEmpty()
                || request.tests() != null
                        && request.tests().stream()
                                .anyMatch(test ->
                                        test.args() != null && !test.args().isEmpty());
        if (anyArgs && !language.arguments()) {
            throw RequestRejectedException.invalid(
                    "Arguments not supported",
                    language.key() + " programs cannot read command-line arguments: send the input as stdin.");
        }
    }

    /** Test cases: only for a program that is not interactive, within their own size bound. */
    private void requireTests(ExecutionRequest request) {
        boolean interactive = Boolean.TRUE.equals(request.interactive());
        if (request.tests() == null) {
            if (interactive && request.expectedOutput() != null) {
                throw RequestRejectedException.invalid("Invalid request", "An interactive run has no expectedOutput.");
            }
            return;
        }
        if (interactive) {
            throw RequestRejectedException.invalid(
                    "Invalid request",
                    "Test cases run without a person at the keyboard: give tests or interactive, not both.");
        }
        if (request.expectedOutput() != null) {
            throw RequestRejectedException.invalid(
                    "Invalid request",
                    "expectedOutput is for a single run: with tests, give each case its expectedOutput.");
        }
        long size = request.tests().stream()
                .mapToLong(test -> (test.stdin() == null ? 0 : bytes(test.stdin()))
                        + (test.expectedOutput() == null ? 0 : bytes(test.expectedOutput()))
                        + (test.args() == null
                                ? 0
                                : test.args().stream()
                                        .mapToLong(Submissions::bytes)
                                        .sum()))
                .sum();
        requireAtMost("tests", size, properties.maxTestsSize());
    }

    private Limits limits(ExecutionRequest.RequestedLimits requested, LanguageVersion language) {
        LanguageVersion.Limits defaults = language.limits();
        ExecutionRequest.RequestedLimits asked =
                requested != null ? requested : new ExecutionRequest.RequestedLimits(null, null, null);
        Limits limits = new Limits(
                limit(
                        "timeMs",
                        asked.timeMs(),
                        defaults.time().toMillis(),
                        properties.maxTime().toMillis()),
                limit(
                        "memoryMb",
                        asked.memoryMb(),
                        defaults.memory().toMegabytes(),
                        properties.maxMemory().toMegabytes()),
                limit(
                        "outputKb",
                        asked.outputKb(),
                        defaults.output().toKilobytes(),
                        properties.maxOutput().toKilobytes()));
        long leastMb = language.minMemory().toMegabytes();
        if (limits.memoryMb() < leastMb) {
            throw RequestRejectedException.invalid(
                    "limits.memoryMb",
                    "Limit below minimum",
                    "limits.memoryMb is " + limits.memoryMb() + " but " + language.key() + " needs at least " + leastMb
                            + " (its compiler and runtime).");
        }
        return limits;
    }

    private static long limit(String field, Long requested, long fallback, long maximum) {
        if (requested == null) {
            return fallback;
        }
        if (requested > maximum) {
            throw RequestRejectedException.limitAboveMaximum(field, requested, maximum);
        }
        return requested;
    }

    private static void requireAtMost(String field, long size, DataSize maximum) {
        if (size > maximum.toBytes()) {
            throw RequestRejectedException.tooLarge(field, size, maximum.toBytes());
        }
    }

    private static long bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
