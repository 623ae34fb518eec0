package dev.edc.piston;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Piston's API: {@code edc.adapters.piston.*}.
 *
 * @param enabled whether EDC answers Piston's API at {@code /api/v2} (off: those paths are 404)
 */
@ConfigurationProperties("edc.adapters.piston")
record PistonProperties(@DefaultValue("true") boolean enabled) {

    static final String ENABLED = "edc.adapters.piston.enabled";
}
