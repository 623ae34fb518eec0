package dev.edc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static dev.edc.EdcClient.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

/** Every bad request of API.md gets its status and an actionable problem detail, and queues nothing. */
class BadRequestIT extends IntegrationTest {

    private static final String HELLO = "console.log('hi')";

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("invalid JSON", "{\"code\": \"x\", \"language\": ", 400, "must be a JSON object"),
                Arguments.of("not an object", "[1, 2]", 400, "must be a JSON object"),
                Arguments.of("missing code", "{\"language\": \"js\", \"uuid\": \"%s\"}", 400, "code is required"),
                Arguments.of("missing language", "{\"code\": \"x\", \"uuid\": \"%s\"}", 400, "language is required"),
                Arguments.of("unknown language", "{\"code\": \"x\", \"language\": \"cobol\", \"uuid\": \"%s\"}", 400,
                        "Language 'cobol' is not supported. Supported languages: java, javascript."),
                Arguments.of("unknown version", "{\"code\": \"x\", \"language\": \"Java\", \"version\": \"8\", \"uuid\": \"%s\"}", 400,
                        "Version '8' of java is not supported. Supported versions: 11, 17, 21."),
                Arguments.of("bad uuid", "{\"code\": \"x\", \"language\": \"js\", \"uuid\": \"../../etc/passwd\"}", 400,
                        "uuid must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' and '-'"),
                Arguments.of("too long uuid", "{\"code\": \"x\", \"language\": \"js\", \"uuid\": \"" + "a".repeat(65) + "\"}", 400,
                        "uuid must be 1 to 64 characters"),
                Arguments.of("time above maximum", "{\"code\": \"x\", \"language\": \"js\", \"uuid\": \"%s\", \"limits\": {\"timeMs\": 999999}}", 400,
                        "limits.timeMs is 999999 but this server allows at most 20000."),
                Arguments.of("memory above maximum", "{\"code\": \"x\", \"language\": \"js\", \"uuid\": \"%s\", \"limits\": {\"memoryMb\": 99999}}", 400,
                        "limits.memoryMb is 99999 but this server allows at most 1024."),
                Arguments.of("output above maximum", "{\"code\": \"x\", \"language\": \"js\", \"uuid\": \"%s\", \"limits\": {\"outputKb\": 99999}}", 400,
                        "limits.outputKb is 99999 but this server allows at most 1024."),
                Arguments.of("negative time", "{\"code\": \"x\", \"language\": \"js\", \"uuid\": \"%s\", \"limits\": {\"timeMs\": -5}}", 400,
                        "limits.timeMs must be a positive number of milliseconds"),
                Arguments.of("limit of the wrong type", "{\"code\": \"x\", \"language\": \"js\", \"uuid\": \"%s\", \"limits\": {\"timeMs\": \"soon\"}}", 400,
                        "must be a JSON object"),
                Arguments.of("code too large", "{\"code\": \"" + "x".repeat(70_000) + "\", \"language\": \"js\", \"uuid\": \"%s\"}", 413,
                        "code is 70000 bytes but this server accepts at most 65536 bytes."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void shouldRejectWithAProblemDetailAndQueueNothing(String name, String body, int status, String detail) {
        String uuid = uniqueId("bad");
        EdcClient.Response response = edc.post("/execute-code", body.formatted(uuid));

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("title").asString()).isNotBlank();
        assertThat(response.json().get("detail").asString()).contains(detail);
        assertThat(edc.get("/executions/" + uuid).status()).as("nothing stored or queued").isEqualTo(404);
    }

    @Test
    void shouldRefuseAUuidAlreadyUsed() {
        String uuid = uniqueId("twice");
        String body = EdcClient.json(Map.of("uuid", uuid, "language", "js", "code", HELLO));
        assertThat(edc.post("/execute-code", body).status()).isEqualTo(202);

        EdcClient.Response second = edc.post("/execute-code", body);

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.json().get("detail").asString()).contains("uuid '" + uuid + "' is already used");
    }

    @Test
    void shouldAnswer404ForAnUnknownExecution() {
        EdcClient.Response response = edc.get("/executions/" + uniqueId("never"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("was never submitted or its result has expired");
    }
}
