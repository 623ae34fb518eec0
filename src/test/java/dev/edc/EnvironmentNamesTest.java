package dev.edc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class EnvironmentNamesTest {

    @Test
    void shouldReadTheDocumentedVariablesAsTheirProperties() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                Map.of(
                                        "EDC_API_KEYS",
                                        "alpha:a,beta:b",
                                        "EDC_MAX_INTERACTIVE_TIME",
                                        "2m",
                                        "EDC_QUEUE_NAME",
                                        "q")));
        environment
                .getPropertySources()
                .addLast(new MapPropertySource("application.yml", Map.of("edc.access.api-keys", "")));

        new EnvironmentNames().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("edc.access.api-keys")).isEqualTo("alpha:a,beta:b");
        assertThat(environment.getProperty("edc.execution.max-interactive-time"))
                .isEqualTo("2m");
        assertThat(environment.getProperty("edc.access.requests-per-minute"))
                .as("not set: the record's default")
                .isNull();
        assertThat(environment.getProperty("edc.queue.name"))
                .as("relaxed binding's own")
                .isEqualTo("q");
    }

    @Test
    void shouldSetThePoolOfALanguageVersionFoundByNameAndVersionNotKey() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                Map.of("EDC_POOL_PYTHON_3_13", "4", "EDC_POOL_JAVA_17", "0")));
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "application.yml",
                        Map.of(
                                "edc.languages.java17.language", "java",
                                "edc.languages.java17.version", "17",
                                "edc.languages.java17.pool-size", "2",
                                "edc.languages.python.language", "python",
                                "edc.languages.python.version", "3.13",
                                "edc.languages.python.pool-size", "1")));

        new EnvironmentNames().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("edc.languages.java17.pool-size")).isEqualTo("0");
        assertThat(environment.getProperty("edc.languages.python.pool-size")).isEqualTo("4");
    }

    @Test
    void shouldLeaveTheOtherDocumentedNamesToRelaxedBinding() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                Map.of(
                                        "EDC_WORKER_SHUTDOWN_TIMEOUT", "30s",
                                        "EDC_WEBHOOK_ALLOW_PRIVATE", "true",
                                        "EDC_SANDBOX_SECCOMP_PROFILE", "seccomp/edc-noinet.json")));
        new EnvironmentNames().postProcessEnvironment(environment, new SpringApplication());
        Binder binder = Binder.get(environment);

        // a dash of the property's name is an underscore in the variable's ("legacy" names)
        assertThat(binder.bind("edc.worker.shutdown-timeout", Duration.class).get())
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(binder.bind("edc.webhook.allow-private", Boolean.class).get())
                .isTrue();
        assertThat(binder.bind("edc.sandbox.seccomp-profile", String.class).get())
                .isEqualTo("seccomp/edc-noinet.json");
    }
}
