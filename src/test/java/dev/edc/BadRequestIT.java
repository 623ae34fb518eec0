package dev.edc;

import static dev.edc.EdcClient.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bad requests end to end, with the real store and broker behind the API: refused with a problem
 * detail and nothing stored or queued. (Each kind of bad request has its slice or unit test:
 * ExecutionControllerTest, SubmissionsTest.)
 */
class BadRequestIT extends IntegrationTest {

    private static final String HELLO = "console.log('hi')";

    @Test
    void shouldRefuseARequestItCannotRunAndStoreNothing() {
        String unknownLanguage = uniqueId("bad");
        String tooLarge = uniqueId("bad");

        EdcClient.Response cobol = edc.post(
                "/execute-code", EdcClient.json(Map.of("uuid", unknownLanguage, "language", "cobol", "code", "x")));
        EdcClient.Response huge = edc.post(
                "/execute-code",
                EdcClient.json(Map.of("uuid", tooLarge, "language", "js", "code", "x".repeat(70_000))));

        assertThat(cobol.status()).isEqualTo(400);
        assertThat(cobol.contentType()).startsWith("application/problem+json");
        assertThat(cobol.json().get("detail").asString())
                .startsWith("Language 'cobol' is not supported. Supported languages: java, javascript");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.json().get("detail").asString())
                .isEqualTo("code is 70000 bytes but this server accepts at most 65536 bytes.");
        assertThat(edc.get("/executions/" + unknownLanguage).status())
                .as("nothing stored or queued")
                .isEqualTo(404);
        assertThat(edc.get("/executions/" + tooLarge).status())
                .as("nothing stored or queued")
                .isEqualTo(404);
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
