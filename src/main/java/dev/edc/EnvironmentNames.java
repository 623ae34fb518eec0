package dev.edc;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The environment variables EDC documents (README, .env.example, API.md) whose names are not what
 * Spring's relaxed binding would make of their property's name: each one set is read as its
 * property. (EDC_QUEUE_NAME, EDC_WORKER_CONCURRENCY, EDC_WEBHOOK_SECRET... need no entry: their
 * names are their properties'.) Defaults stay in the properties records. The warm pool of a
 * language version, {@code EDC_POOL_<LANGUAGE>_<VERSION>} ({@code EDC_POOL_JAVA_17}), is its
 * entry's {@code pool-size} in {@code edc.languages}, found by language and version, whatever the
 * entry's key.
 */
class EnvironmentNames implements EnvironmentPostProcessor {

    static final Map<String, String> PROPERTIES = Map.of(
            "EDC_API_KEYS", "edc.access.api-keys",
            "EDC_ADMIN_KEYS", "edc.access.admin-keys",
            "EDC_REQUESTS_PER_MINUTE", "edc.access.requests-per-minute",
            "EDC_ANONYMOUS_REQUESTS_PER_MINUTE", "edc.access.anonymous-requests-per-minute",
            "EDC_ALLOWED_ORIGINS", "edc.access.allowed-origins",
            "EDC_DOCKER_HOST", "edc.sandbox.docker-host",
            "EDC_RUNNERS_DIR", "edc.sandbox.runners-dir",
            "EDC_RESULT_TTL", "edc.execution.result-ttl",
            "EDC_MAX_INTERACTIVE_TIME", "edc.execution.max-interactive-time");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        PropertySource<?> variables =
                environment.getPropertySources().get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        if (variables == null) {
            return;
        }
        Map<String, Object> named = new LinkedHashMap<>();
        PROPERTIES.forEach((variable, property) -> {
            if (variables.getProperty(variable) instanceof String value) {
                named.put(property, value);
            }
        });
        Binder.get(environment)
                .bind("edc.languages", Bindable.mapOf(String.class, Entry.class))
                .orElse(Map.of())
                .forEach((key, entry) -> {
                    if (variables.getProperty(poolVariable(entry.language(), entry.version()))
                            instanceof String value) {
                        named.put("edc.languages." + key + ".pool-size", value);
                    }
                });
        if (!named.isEmpty()) {
            // just after the environment itself: above application.yml, below command-line arguments
            environment
                    .getPropertySources()
                    .addAfter(variables.getName(), new MapPropertySource("edcEnvironmentNames", named));
        }
    }

    /** What an entry of {@code edc.languages} is named by. */
    record Entry(String language, String version) {}

    /** {@code EDC_POOL_JAVA_17} for java 17, {@code EDC_POOL_PYTHON_3_13} for python 3.13. */
    static String poolVariable(String language, String version) {
        return ("EDC_POOL_" + language + "_" + (version == null ? "" : version))
                .toUpperCase(Locale.ROOT)
                .replaceAll("[^A-Z0-9]", "_");
    }
}
