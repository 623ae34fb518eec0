package dev.edc.jobe;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Jobe's API: {@code edc.adapters.jobe.*}. A cached file is at most as large as the largest program
 * ({@code edc.execution.max-code-size}): a run counts its files against that bound anyway.
 *
 * @param enabled  whether EDC answers Jobe's API at {@code /jobe/index.php/restapi} (off: those paths are 404)
 * @param fileTtl  how long a cached file is kept after it was last put or used
 * @param maxFiles most files cached per API key (past it the least recently put go first; CodeRunner
 *                 puts a file again when a run says it is missing)
 */
@Validated
@ConfigurationProperties("edc.adapters.jobe")
record JobeProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("24h") Duration fileTtl,
        @DefaultValue("1000") @Positive int maxFiles) {

    static final String ENABLED = "edc.adapters.jobe.enabled";
}
