package dev.edc.language;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Every runnable language version, as configuration: {@code edc.languages.<key>}. A map rather than
 * a list so that configuration files and the environment merge: one more file can add a language or
 * change one field of one without repeating the others. The key only names the entry.
 */
@Validated
@ConfigurationProperties("edc")
record LanguageProperties(@NotEmpty Map<String, @Valid LanguageVersion> languages) {}
