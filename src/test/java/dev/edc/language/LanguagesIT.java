package dev.edc.language;

import static dev.edc.EdcClient.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.edc.EdcClient;
import dev.edc.IntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * Every configured language version against its fixtures (src/test/resources/languages/<language>/):
 * hello world with the runtime's version, stdin and arguments, exit codes, compiler and runtime
 * messages, a program of several files, and the hostile cases that apply to every language. The
 * cases come from the registry and the fixture files, so a new language adds fixtures and no test
 * code; a configured language without a hello fixture fails. AWK is configured for the tests only
 * (test-language.yml): an entry and its fixtures are all a language needs.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.import=classpath:test-language.yml", "edc.webhook.secret=integration-test-secret"})
class LanguagesIT extends IntegrationTest {

    private static final String STDIN = "first line\nsecond, with spaces\n";
    private static final List<String> ARGS = List.of("an argument", "-x");
    /** A busy loop need not spin for the default 5 or 10 s to prove that it is stopped. */
    private static final Map<String, Integer> SHORT_TIME = Map.of("timeMs", 2000);

    private static final Pattern FORK_REFUSED =
            Pattern.compile("(?i)fail|eagain|unavailable|retry|thread|nil|error"); // each runtime's words for EAGAIN
    private static final Pattern DISK_FULL =
            Pattern.compile("(?i)no space|disk full|enospc|exhausted|i/o error|problem writing|too large");
    private static final Pattern REFUSED = Pattern.compile("(?i)refused|cannot be opened");
    private static final Pattern READ_ONLY = Pattern.compile("(?i)read-only|denied|unable to open|i/o error");

    @Autowired
    LanguageRegistry languages;

    @Test
    void shouldListEveryConfiguredVersionAsAvailable() {
        JsonNode listed = edc.get("/languages").json();

        assertThat(listed.size())
                .isGreaterThanOrEqualTo(20)
                .isEqualTo(languages.all().size());
        assertThat(listed.valueStream().map(entry -> entry.get("status").asString()))
                .containsOnly("available");
        assertThat(listed.valueStream().map(entry -> entry.get("language").asString()))
                .contains(
                        "java",
                        "javascript",
                        "python",
                        "ruby",
                        "rust",
                        "go",
                        "c",
                        "cpp",
                        "typescript",
                        "kotlin",
                        "csharp",
                        "php",
                        "bash",
                        "sql",
                        "awk");
        assertThat(listed.valueStream()
                        .filter(entry -> entry.get("language").asString().equals("java"))
                        .map(entry -> entry.get("version").asString()))
                .contains("25");
    }

    @TestFactory
    Stream<DynamicNode> everyLanguageAgainstItsFixtures() {
        return languages.all().stream()
                .map(language -> DynamicContainer.dynamicContainer(
                        language.key(), Stream.of(language).flatMap(this::casesOf)));
    }

    /** Submits every case of one language at once (the worker runs them side by side), then checks each. */
    private Stream<DynamicNode> casesOf(LanguageVersion language) {
        Fixtures fixtures = new Fixtures(language);
        Map<String, Pending> pending = new LinkedHashMap<>();
        pending.put(
                "hello",
                submit(
                        language,
                        fixtures.single("hello")
                                .orElseThrow(() -> new AssertionError("no fixture languages/" + language.language()
                                        + "/hello.* for " + language.key())),
                        Map.of()));
        Map<String, Consumer<JsonNode>> checks = new LinkedHashMap<>();
        checks.put("hello", result -> {
            assertStatus(result, "SUCCESS");
            String[] lines = result.get("stdout").asString().split("\n");
            assertThat(lines[0]).isEqualTo("Hello, World!");
            assertThat(lines[1]).as("the runtime's version").matches(Pattern.quote(language.version()) + "(\\..*)?");
        });
        fixtures.single("echo").ifPresent(code -> {
            Map<String, Object> extra = new LinkedHashMap<>(Map.of("stdin", STDIN));
            if (language.arguments()) {
                extra.put("args", ARGS);
            }
            pending.put("echo", submit(language, code, extra));
            checks.put("echo", result -> {
                assertStatus(result, "SUCCESS");
                assertThat(result.get("stdout").asString())
                        .isEqualTo(STDIN + (language.arguments() ? String.join("\n", ARGS) + "\n" : ""));
            });
        });
        fixtures.single("exit3").ifPresent(code -> {
            pending.put("exit3", submit(language, code, Map.of()));
            checks.put("exit3", result -> {
                assertStatus(result, "RUNTIME_ERROR");
                assertThat(result.get("exitCode").asInt()).isEqualTo(3);
                assertThat(result.get("stdout").asString()).isEqualTo("bye\n");
            });
        });
        fixtures.single("compile-error").ifPresent(code -> {
            pending.put("compile-error", submit(language, code, Map.of()));
            checks.put("compile-error", result -> {
                assertStatus(result, "COMPILATION_ERROR");
                assertThat(result.get("compileOutput").asString()).contains(fixtures.text("compile-error.txt"));
            });
        });
        fixtures.single("runtime-error").ifPresent(code -> {
            pending.put("runtime-error", submit(language, code, Map.of()));
            checks.put("runtime-error", result -> {
                assertStatus(result, "RUNTIME_ERROR");
                assertThat(result.get("stderr").asString()).contains(fixtures.text("runtime-error.txt"));
            });
        });
        fixtures.multi().ifPresent(files -> {
            pending.put("multi-file", submit(language, Map.of("files", files)));
            checks.put("multi-file", result -> {
                assertStatus(result, "SUCCESS");
                assertThat(result.get("stdout").asString()).isEqualTo(fixtures.text("multi/expected.txt") + "\n");
            });
        });
        hostile(language, fixtures, pending, checks);
        return checks.entrySet().stream()
                .map(check -> DynamicTest.dynamicTest(check.getKey(), () -> {
                    JsonNode result = pending.get(check.getKey()).result();
                    check.getValue().accept(result);
                }));
    }

    /** The hostile cases that apply to every language: each fixture that exists runs, with its verdict checked. */
    private void hostile(
            LanguageVersion language,
            Fixtures fixtures,
            Map<String, Pending> pending,
            Map<String, Consumer<JsonNode>> checks) {
        Map<String, Consumer<JsonNode>> hostile = new LinkedHashMap<>();
        hostile.put("busy-loop", result -> assertStatus(result, "TIME_LIMIT_EXCEEDED"));
        hostile.put("memory-bomb", result -> {
            // the kernel's OOM kill, or a runtime that stops at its own heap bound (the JVM's at 60 %)
            if (!result.get("status").asString().equals("MEMORY_LIMIT_EXCEEDED")) {
                assertStatus(result, "RUNTIME_ERROR");
                assertThat(result.get("stderr").asString()).containsIgnoringCase("OutOfMemory");
            }
        });
        // stopped by the pids limit (then spinning into the time limit, or failing), or by memory
        // first where each child is a whole runtime (Node.js: ~40 MB a process)
        hostile.put(
                "fork-bomb",
                result -> assertThat(result.get("status").asString())
                        .as(result.toString())
                        .isIn("TIME_LIMIT_EXCEEDED", "RUNTIME_ERROR", "MEMORY_LIMIT_EXCEEDED"));
        hostile.put("output-flood", result -> {
            assertStatus(result, "OUTPUT_LIMIT_EXCEEDED");
            assertThat(result.get("stdout").asString().getBytes(StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo(64 * 1024);
        });
        hostile.put(
                "disk-fill",
                result -> assertThat(output(result) + " signal " + result.get("signal"))
                        .as(result.toString())
                        .containsPattern(DISK_FULL.pattern() + "|signal 25"));
        hostile.put(
                "network",
                result -> assertThat(output(result))
                        .as("only loopback, and nothing listening there")
                        .containsPattern(REFUSED)
                        .doesNotContain("connected"));
        hostile.put(
                "write-root",
                result -> assertThat(output(result))
                        .as("a read-only root")
                        .containsPattern(READ_ONLY)
                        .doesNotContain("written"));
        hostile.forEach((name, check) -> fixtures.single(name).ifPresent(code -> {
            pending.put(
                    name, submit(language, code, name.equals("busy-loop") ? Map.of("limits", SHORT_TIME) : Map.of()));
            checks.put(name, check);
        }));
    }

    private Pending submit(LanguageVersion language, String code, Map<String, Object> extra) {
        Map<String, Object> request = new LinkedHashMap<>(extra);
        request.put("code", code);
        return submit(language, request);
    }

    private Pending submit(LanguageVersion language, Map<String, Object> fields) {
        String uuid = uniqueId(language.language());
        Map<String, Object> request = new LinkedHashMap<>(fields);
        request.put("uuid", uuid);
        request.put("language", language.language());
        request.put("version", language.version());
        EdcClient.Subscription results = edc.subscribe("/topic/result/" + uuid);
        EdcClient.Response accepted = edc.post("/execute-code", EdcClient.json(request));
        assertThat(accepted.status())
                .as("POST /execute-code: %s", accepted.body())
                .isEqualTo(202);
        return new Pending(results);
    }

    /** A submitted case whose result arrives on its topic; a language's cases wait behind each other. */
    private record Pending(EdcClient.Subscription results) {
        JsonNode result() {
            return results.next(Duration.ofMinutes(5));
        }
    }

    private static void assertStatus(JsonNode result, String status) {
        assertThat(result.get("status").asString()).as(result.toString()).isEqualTo(status);
    }

    private static String output(JsonNode result) {
        return result.get("stdout").asString() + "\n" + result.get("stderr").asString();
    }

    /** The fixture files of one language. */
    private static final class Fixtures {
        private final Path folder;

        Fixtures(LanguageVersion language) {
            try {
                Path root = Path.of(LanguagesIT.class.getResource("/languages").toURI());
                this.folder = root.resolve(language.language());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The program {@code <name>.<any extension>}, if the language has one. */
        Optional<String> single(String name) {
            if (!Files.isDirectory(folder)) {
                return Optional.empty();
            }
            try (Stream<Path> files = Files.list(folder)) {
                return files.filter(file -> Files.isRegularFile(file)
                                && file.getFileName().toString().startsWith(name + ".")
                                && !file.getFileName().toString().endsWith(".txt"))
                        .findFirst()
                        .map(Fixtures::read);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Expected text, without its final newline. */
        String text(String name) {
            return read(folder.resolve(name)).stripTrailing();
        }

        /** The files of multi/ as a request's files: the entry point (main.* or Main.*) first. */
        Optional<List<Map<String, String>>> multi() {
            Path multi = folder.resolve("multi");
            if (!Files.isDirectory(multi)) {
                return Optional.empty();
            }
            try (Stream<Path> walk = Files.walk(multi)) {
                List<Path> sources = walk.filter(Files::isRegularFile)
                        .filter(file -> !file.getFileName().toString().equals("expected.txt"))
                        .sorted(Comparator.comparing(
                                        (Path file) -> !(file.getParent().equals(multi)
                                                && file.getFileName()
                                                        .toString()
                                                        .toLowerCase()
                                                        .startsWith("main.")))
                                .thenComparing(Path::toString))
                        .toList();
                List<Map<String, String>> files = new ArrayList<>();
                for (Path source : sources) {
                    files.add(Map.of("name", multi.relativize(source).toString(), "content", read(source)));
                }
                return Optional.of(files);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String read(Path file) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
