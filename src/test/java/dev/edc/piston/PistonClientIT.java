package dev.edc.piston;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.edc.EdcClient;
import dev.edc.IntegrationTest;
import dev.edc.execution.LanguageAvailability;
import dev.edc.language.LanguageRegistry;
import dev.edc.language.LanguageVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The real {@code piston-client} package from the npm registry (1.0.2, {@code src/test/piston-client})
 * against a running EDC, as a Piston user would point it: each configured language version runs its
 * hello world ({@code languages/<language>/hello.*}, LanguagesIT's fixture) and answers its
 * greeting and its runtime's version; stdin, arguments, exit codes and compiler errors
 * come back where the client reads them. Needs {@code node} and {@code npm}.
 */
class PistonClientIT extends IntegrationTest {

    private static final Path CLIENT = Path.of("src/test/piston-client");
    private static final Path WORK = Path.of("target/piston-client");

    @Autowired
    LanguageRegistry languages;

    @Autowired
    LanguageAvailability availability;

    @TestFactory
    Stream<DynamicTest> shouldGiveThePistonClientCorrectAnswersInEveryLanguage() throws Exception {
        List<Map<String, Object>> cases = new ArrayList<>();
        List<LanguageVersion> runnable = languages.all().stream()
                .filter(language -> availability.problem(language).isEmpty())
                .toList();
        for (LanguageVersion language : runnable) {
            String fixture = helloWorld(language);
            if (fixture != null) {
                cases.add(Map.of(
                        "name", language.key(),
                        "language", language.language(),
                        "version", PistonVersions.semver(language.version()),
                        "code", fixture,
                        // the language's own time limit, not piston-client's 3 s: a loaded machine
                        // starts the slowest runtimes in more than that
                        "runTimeout", language.limits().time().toMillis()));
            }
        }
        cases.add(Map.of(
                "name", "stdin and arguments",
                "language", "javascript",
                "code",
                        "const input = require('fs').readFileSync(0, 'utf8');"
                                + " console.log(JSON.stringify([input, process.argv.slice(2)]))",
                "stdin", "21",
                "args", List.of("a", "b c")));
        cases.add(
                Map.of(
                        "name", "exit code",
                        "language", "java",
                        "version", "17",
                        "code",
                                "public class Exit { public static void main(String[] a) { System.err.print(\"bye\"); System.exit(3); } }"));
        cases.add(Map.of(
                "name", "compilation error",
                "language", "java",
                "code", "public class Broken { public static void main(String[] a) { int x = \"text\"; } }"));

        JsonNode answers = runClient(cases);

        JsonNode runtimes = answers.get("runtimes");
        Map<String, JsonNode> results = new HashMap<>();
        answers.get("results").forEach(result -> results.put(result.get("name").asString(), result.get("answer")));
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("runtimes list every runnable version", () -> {
            List<String> listed = new ArrayList<>();
            runtimes.forEach(runtime -> listed.add(runtime.get("language").asString() + " "
                    + runtime.get("version").asString()));
            assertThat(listed)
                    .containsExactlyInAnyOrderElementsOf(runnable.stream()
                            .map(language -> language.language() + " " + PistonVersions.semver(language.version()))
                            .toList());
        }));
        for (LanguageVersion language : runnable) {
            tests.add(DynamicTest.dynamicTest(language.key(), () -> {
                JsonNode answer = results.get(language.key());
                assumeThat(answer)
                        .as("languages/%s/hello.* exists", language.language())
                        .isNotNull();
                assertThat(answer.path("language").asString())
                        .as(answer.toString())
                        .isEqualTo(language.language());
                assertThat(answer.path("version").asString()).isEqualTo(PistonVersions.semver(language.version()));
                assertThat(answer.at("/run/code").asInt(-1))
                        .as(answer.toString())
                        .isZero();
                String[] lines = answer.at("/run/stdout").asString().split("\n");
                assertThat(lines[0]).isEqualTo("Hello, World!");
                assertThat(lines[1]).as("the runtime's version").matches(language.version() + "(\\..*)?");
                assertThat(answer.at("/run/output").asString()).startsWith("Hello, World!\n");
                assertThat(answer.has("compile")).isEqualTo(language.compile() != null);
            }));
        }
        tests.add(DynamicTest.dynamicTest("stdin and arguments", () -> {
            JsonNode answer = results.get("stdin and arguments");
            assertThat(answer.at("/run/stdout").asString())
                    .as("Piston ends stdin with a newline")
                    .isEqualTo("[\"21\\n\",[\"a\",\"b c\"]]\n");
        }));
        tests.add(DynamicTest.dynamicTest("exit code", () -> {
            JsonNode run = results.get("exit code").get("run");
            assertThat(run.get("code").asInt()).isEqualTo(3);
            assertThat(run.get("stderr").asString()).isEqualTo("bye");
            assertThat(run.get("signal").isNull()).isTrue();
        }));
        tests.add(DynamicTest.dynamicTest("compilation error", () -> {
            JsonNode answer = results.get("compilation error");
            assertThat(answer.at("/compile/code").asInt()).isNotZero();
            assertThat(answer.at("/compile/stderr").asString())
                    .contains("error: incompatible types: String cannot be converted to int");
            assertThat(answer.at("/run/output").asString())
                    .isEqualTo(answer.at("/compile/output").asString());
        }));
        return tests.stream();
    }

    /** Installs the client from its lockfile (in target/, off the source tree) and runs the cases through it. */
    private JsonNode runClient(List<Map<String, Object>> cases) throws Exception {
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", "run-cases.mjs")) {
            Files.copy(CLIENT.resolve(file), WORK.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path casesFile = WORK.resolve("cases.json");
        Files.writeString(casesFile, EdcClient.json(cases));
        run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"));
        String output = run(List.of(
                "node",
                "run-cases.mjs",
                "http://localhost:" + port,
                casesFile.getFileName().toString()));
        return EdcClient.JSON_MAPPER.readTree(output);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(WORK.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES))
                .as("%s finished", command)
                .isTrue();
        assertThat(process.exitValue()).as("%s exited: %s", command, output).isZero();
        return output;
    }

    /** The language's hello world ({@code languages/<language>/hello.*}, LanguagesIT's fixture), if it has one. */
    private static String helloWorld(LanguageVersion language) throws IOException {
        java.net.URL folder = PistonClientIT.class.getResource("/languages/" + language.language());
        if (folder == null || !"file".equals(folder.getProtocol())) {
            return null;
        }
        try (Stream<Path> files = Files.list(Path.of(java.net.URI.create(folder.toString())))) {
            Optional<Path> hello = files.filter(
                            file -> file.getFileName().toString().startsWith("hello."))
                    .findFirst();
            return hello.isEmpty() ? null : Files.readString(hello.get());
        }
    }
}
