package dev.edc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The short variables of README's "Configuration" reach the settings they name. */
class EnvironmentAliasesTest {

    @Test
    void shouldMapTheDocumentedVariablesToTheirSettings() {
        Map<String, Object> settings = EnvironmentAliases.resolve(
                Map.of(
                        "EDC_API_KEYS", "team:secret",
                        "EDC_ADMIN_KEYS", "ops:admin-secret",
                        "EDC_RESULT_TTL", "1h",
                        "EDC_REQUESTS_PER_MINUTE", "30",
                        "UNRELATED", "x"),
                new StandardEnvironment());

        assertThat(settings)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "edc.access.api-keys", "team:secret",
                        "edc.access.admin-keys", "ops:admin-secret",
                        "edc.execution.result-ttl", "1h",
                        "edc.access.requests-per-minute", "30"));
    }

    @Test
    void shouldFindThePoolSizeOfALanguageVersionByItsNameNotItsPlace() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "languages",
                        Map.of(
                                "edc.languages[0].language", "java",
                                "edc.languages[0].version", "17",
                                "edc.languages[1].language", "python",
                                "edc.languages[1].version", "3.13")));

        Map<String, Object> settings =
                EnvironmentAliases.resolve(Map.of("EDC_POOL_PYTHON_3_13", "4", "EDC_POOL_JAVA_17", "0"), environment);

        assertThat(settings)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("edc.languages[1].pool-size", "4", "edc.languages[0].pool-size", "0"));
    }
}
