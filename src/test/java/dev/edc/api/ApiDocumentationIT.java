package dev.edc.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.edc.EdcClient;
import dev.edc.IntegrationTest;
import dev.edc.execution.ExecutionRequest;
import dev.edc.execution.ExecutionResult;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document and Swagger UI that springdoc serves match what the controllers really do. */
class ApiDocumentationIT extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private JsonNode document;

    @BeforeEach
    void readDocument() {
        EdcClient.Response response = edc.get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        document = response.json();
    }

    @Test
    void shouldDocumentEveryEndpointOfTheControllersAndNothingElse() {
        Set<String> handled = new HashSet<>();
        mappings.getHandlerMethods().forEach((mapping, handler) -> {
            if (handler.getBeanType().getPackageName().startsWith("dev.edc.")) { // EDC's, not springdoc's own
                mapping.getPathPatternsCondition()
                        .getPatternValues()
                        .forEach(path -> mapping.getMethodsCondition()
                                .getMethods()
                                .forEach(method -> handled.add(method + " " + path)));
            }
        });

        Set<String> documented = new HashSet<>();
        document.get("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .propertyNames()
                        .forEach(method -> documented.add(method.toUpperCase() + " " + path.getKey())));

        assertThat(documented)
                .isEqualTo(handled)
                .contains("POST /execute-code", "GET /executions/{uuid}", "GET /languages")
                .contains("GET /api/v2/runtimes", "POST /api/v2/execute")
                .contains(
                        "POST /judge0/submissions",
                        "GET /judge0/submissions/{token}",
                        "POST /judge0/submissions/batch",
                        "GET /judge0/submissions/batch",
                        "GET /judge0/languages",
                        "GET /judge0/statuses")
                .contains(
                        "POST /jobe/index.php/restapi/runs",
                        "GET /jobe/index.php/restapi/languages",
                        "PUT /jobe/index.php/restapi/files/{id}",
                        "HEAD /jobe/index.php/restapi/files/{id}");
    }

    static Stream<Arguments> adapters() {
        return Stream.of(
                Arguments.of("/api/v2/", "Piston"), Arguments.of("/judge0/", "Judge0"), Arguments.of("/jobe/", "Jobe"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("adapters")
    void shouldListEachAdapterOfAnotherApiUnderItsOwnTag(String prefix, String tag) {
        assertThat(document.get("tags").valueStream().map(t -> t.get("name").asString()))
                .contains(tag);
        document.get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    List<String> tags = operation
                            .getValue()
                            .get("tags")
                            .valueStream()
                            .map(JsonNode::asString)
                            .toList();
                    if (path.getKey().startsWith(prefix)) {
                        assertThat(tags)
                                .as("%s %s", operation.getKey(), path.getKey())
                                .containsExactly(tag);
                    } else {
                        assertThat(tags)
                                .as("%s %s", operation.getKey(), path.getKey())
                                .doesNotContain(tag);
                    }
                }));
    }

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of("/execute-code", "post", Set.of("202", "200", "400", "409", "413", "429", "503")),
                Arguments.of("/executions/{uuid}", "get", Set.of("200", "404", "503")),
                Arguments.of("/languages", "get", Set.of("200")),
                Arguments.of("/workers", "get", Set.of("200", "401", "403", "503")),
                Arguments.of("/queue", "get", Set.of("200", "401", "403", "503")),
                Arguments.of("/admin/overview", "get", Set.of("200", "401", "403", "503")));
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("answers")
    void shouldDocumentEveryStatusAnEndpointAnswers(String path, String method, Set<String> statuses) {
        JsonNode responses = operation(path, method).get("responses");

        assertThat(responses.propertyNames()).containsExactlyInAnyOrderElementsOf(statuses);
        responses.properties().stream()
                .filter(response -> response.getKey().matches("[45]\\d\\d"))
                .forEach(problem -> assertThat(problem.getValue()
                                .at("/content/application~1problem+json/schema/$ref")
                                .asString())
                        .as("%s %s %s", method, path, problem.getKey())
                        .isEqualTo("#/components/schemas/ProblemDetail"));
    }

    @Test
    void shouldDocumentTheHeadersOfExecuteCode() {
        JsonNode responses = operation("/execute-code", "post").get("responses");

        assertThat(responses.at("/202/headers").has("Location")).isTrue();
        assertThat(responses.at("/429/headers").has("Retry-After")).isTrue();
        assertThat(responses.at("/503/headers").has("Retry-After")).isTrue();
        assertThat(operation("/execute-code", "post").at("/parameters/0/name").asString())
                .isEqualTo("wait");
    }

    static Stream<Arguments> records() {
        return Stream.of(
                Arguments.of("ExecutionRequest", ExecutionRequest.class),
                Arguments.of("RequestedLimits", ExecutionRequest.RequestedLimits.class),
                Arguments.of("Accepted", ExecutionController.Accepted.class),
                Arguments.of("ExecutionResult", ExecutionResult.class),
                Arguments.of("LanguageView", LanguageController.LanguageView.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void shouldDescribeEachRecordWithTheFieldsItIsWrittenWith(String schema, Class<? extends Record> type) {
        assertThat(schema(schema).get("properties").propertyNames())
                .containsExactlyInAnyOrderElementsOf(jsonNames(type));
    }

    @Test
    void shouldRequireWhatApiMdRequires() {
        assertThat(schema("ExecutionRequest").get("required").values())
                .extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("language"); // and code or files: one of the two
        assertThat(operation("/execute-code", "post")
                        .at("/requestBody/required")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void shouldDescribeProblemsWithTheMembersTheyAreAnsweredWith() {
        EdcClient.Response problem = edc.post("/execute-code", "{\"code\": \"x\", \"language\": \"cobol\"}");

        assertThat(problem.status()).isEqualTo(400);
        assertThat(schema("ProblemDetail").get("properties").propertyNames())
                .containsExactlyInAnyOrder("type", "title", "status", "detail", "instance")
                .containsAll(problem.json().propertyNames());
    }

    @Test
    void shouldGiveExamplesWithTheFieldsOfTheirSchemas() {
        JsonNode responses = operation("/execute-code", "post").get("responses");

        assertThat(responses.at("/202/content/application~1json/example").propertyNames())
                .containsExactlyInAnyOrderElementsOf(jsonNames(ExecutionController.Accepted.class));
        Set<String> singleRun = new HashSet<>(jsonNames(ExecutionResult.class));
        singleRun.removeAll(Set.of("tests", "summary")); // written only for a run with test cases
        assertThat(responses.at("/200/content/application~1json/example").propertyNames())
                .containsExactlyInAnyOrderElementsOf(singleRun);
        assertThat(responses.at("/200/content/application~1json/example/stdout").asString())
                .isEqualTo("Hello, World!\n");
        JsonNode examples = operation("/execute-code", "post").at("/requestBody/content/application~1json/examples");
        Set<String> exampleFields =
                new HashSet<>(examples.at("/every field/value").propertyNames());
        exampleFields.addAll(examples.at("/several files/value").propertyNames());
        exampleFields.addAll(examples.at("/test cases/value").propertyNames());
        exampleFields.addAll(examples.at("/interactive/value").propertyNames());
        assertThat(exampleFields)
                .as("the fields of the examples together")
                .containsExactlyInAnyOrderElementsOf(jsonNames(ExecutionRequest.class));
        assertThat(responses
                        .at("/400/content/application~1problem+json/examples/unknown language/value/detail")
                        .asString())
                .startsWith("Language 'cobol' is not supported. Supported languages: java, javascript, python");
    }

    @Test
    void shouldServeSwaggerUi() {
        EdcClient.Response entry = edc.get("/swagger-ui.html");
        assertThat(entry.status()).isEqualTo(302);
        assertThat(entry.location()).endsWith("/swagger-ui/index.html");

        EdcClient.Response page = edc.get("/swagger-ui/index.html");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
        assertThat(edc.get("/v3/api-docs/swagger-config").json().get("url").asString())
                .isEqualTo("/v3/api-docs");
    }

    private JsonNode operation(String path, String method) {
        JsonNode operation = document.get("paths").path(path).path(method);
        assertThat(operation.isMissingNode())
                .as("%s %s documented", method, path)
                .isFalse();
        return operation;
    }

    private JsonNode schema(String name) {
        JsonNode schema = document.at("/components/schemas/" + name);
        assertThat(schema.isMissingNode()).as("schema %s", name).isFalse();
        return schema;
    }

    /** A record's JSON member names: its components, renamed where {@code @JsonProperty} says so. */
    private static Set<String> jsonNames(Class<? extends Record> type) {
        return new HashSet<>(Arrays.stream(type.getRecordComponents())
                .map(ApiDocumentationIT::jsonName)
                .toList());
    }

    private static String jsonName(RecordComponent component) {
        JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
        return renamed == null ? component.getName() : renamed.value();
    }
}
