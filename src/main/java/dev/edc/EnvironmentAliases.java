package dev.edc;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The short environment variables of README's "Configuration" ({@code EDC_API_KEYS},
 * {@code EDC_RESULT_TTL}, {@code EDC_POOL_JAVA_17}...) for settings whose relaxed name is longer
 * ({@code EDC_ACCESS_API_KEYS}, {@code EDC_EXECUTION_RESULT_TTL}, an index in
 * {@code edc.languages}). Spring binds only the relaxed names: without these aliases the
 * documented variables were silently ignored. Placed right after the process environment, so the
 * command line and the relaxed names still win, and both win over {@code application.yml}.
 */
public class EnvironmentAliases implements EnvironmentPostProcessor {

    static final String SOURCE = "edcEnvironmentAliases";

    /** Short variable → the setting it sets. */
    static final Map<String, String> ALIASES = Map.of(
            "EDC_API_KEYS", "edc.access.api-keys",
            "EDC_ADMIN_KEYS", "edc.access.admin-keys",
            "EDC_REQUESTS_PER_MINUTE", "edc.access.requests-per-minute",
            "EDC_ANONYMOUS_REQUESTS_PER_MINUTE", "edc.access.anonymous-requests-per-minute",
            "EDC_ALLOWED_ORIGINS", "edc.access.allowed-origins",
            "EDC_RESULT_TTL", "edc.execution.result-ttl",
            "EDC_DOCKER_HOST", "edc.sandbox.docker-host",
            "EDC_RUNNERS_DIR", "edc.sandbox.runners-dir");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> settings = resolve(environment.getSystemEnvironment(), environment);
        if (!settings.isEmpty()) {
            environment
                    .getPropertySources()
                    .addAfter(
                            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            new MapPropertySource(SOURCE, settings));
        }
    }

    /** The settings the variables present name, {@code EDC_POOL_<LANGUAGE>_<VERSION>} included. */
    static Map<String, Object> resolve(Map<String, Object> variables, ConfigurableEnvironment environment) {
        Map<String, Object> settings = new LinkedHashMap<>();
        ALIASES.forEach((variable, setting) -> {
            if (variables.get(variable) != null) {
                settings.put(setting, variables.get(variable));
            }
        });
        for (int i = 0; environment.containsProperty("edc.languages[" + i + "].language"); i++) {
            String variable = poolVariable(
                    environment.getProperty("edc.languages[" + i + "].language"),
                    environment.getProperty("edc.languages[" + i + "].version", ""));
            if (variables.get(variable) != null) {
                settings.put("edc.languages[" + i + "].pool-size", variables.get(variable));
            }
        }
        return settings;
    }

    /** {@code EDC_POOL_JAVA_17} for java 17, {@code EDC_POOL_PYTHON_3_13} for python 3.13. */
    static String poolVariable(String language, String version) {
        return ("EDC_POOL_" + language + "_" + version).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
