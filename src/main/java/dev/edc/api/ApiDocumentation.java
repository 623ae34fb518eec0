package dev.edc.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3 document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}): springdoc
 * reads the controllers; this adds what OpenAPI cannot say, the STOMP side of the contract.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    private static final String DESCRIPTION = """
            EDC runs untrusted code in single-use, locked-down sandboxes.

            **Results are pushed over STOMP**: connect to `ws://<host>/ws` (plain WebSocket, STOMP 1.2), \
            subscribe to `/topic/result/{uuid}` and the result arrives as one message when the execution \
            ends, whether you subscribed before, during or after the run. `/topic/status/{uuid}` carries \
            progress (`RUNNING`) while it is not done. Errors are RFC 9457 problem details.

            The playground at `/` is a web IDE built on exactly this API.""";

    @Bean
    OpenAPI edcOpenApi() {
        return new OpenAPI()
                .info(new Info().title("EDC: exécution de code").version("1").description(DESCRIPTION));
    }

    /** Spring writes a problem's extension members at the top level, not in a "properties" object. */
    @Bean
    OpenApiCustomizer problemDetailAsWritten() {
        return openApi -> {
            Schema<?> problem = openApi.getComponents().getSchemas().get("ProblemDetail");
            if (problem != null) {
                problem.getProperties().remove("properties");
                problem.description(
                        "RFC 9457 problem detail; `detail` says what to change. An absent `type` means about:blank.");
            }
        };
    }
}
