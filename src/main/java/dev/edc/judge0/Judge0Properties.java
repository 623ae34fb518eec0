package dev.edc.judge0;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Judge0's API: {@code edc.adapters.judge0.*}.
 *
 * @param enabled      whether EDC answers Judge0's API at {@code /judge0} (off: those paths are 404)
 * @param maxBatchSize most submissions in one batch, created or read (Judge0's default: 20)
 */
@Validated
@ConfigurationProperties("edc.adapters.judge0")
record Judge0Properties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("20") @Positive int maxBatchSize) {

    static final String ENABLED = "edc.adapters.judge0.enabled";
}
