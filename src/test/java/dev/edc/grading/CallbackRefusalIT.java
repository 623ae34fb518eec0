package dev.edc.grading;

import static dev.edc.EdcClient.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.edc.EdcClient;
import dev.edc.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** With private addresses not allowed (the default): a callback inside is refused, by what its name resolves to. */
class CallbackRefusalIT extends IntegrationTest {

    @ParameterizedTest
    @CsvSource({
        "http://127.0.0.1:8080/x, 127.0.0.1",
        "http://localhost/x, 127.0.0.1",
        "http://10.1.2.3/x, 10.1.2.3",
        "http://192.168.0.1/x, 192.168.0.1",
        "http://169.254.169.254/latest/meta-data, 169.254.169.254",
        "http://[::1]/x, 0:0:0:0:0:0:0:1",
        "http://100.64.0.1/x, 100.64.0.1"
    })
    void shouldRefuseACallbackToAnAddressInside(String url, String address) {
        String uuid = uniqueId("inside");
        EdcClient.Response refused = edc.post(
                "/execute-code",
                EdcClient.json(Map.of("uuid", uuid, "language", "js", "code", "1", "callbackUrl", url)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).contains("resolves to " + address + ", an address inside");
        assertThat(edc.get("/executions/" + uuid).status()).as("nothing queued").isEqualTo(404);
    }
}
