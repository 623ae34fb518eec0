package dev.edc.language;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.util.List;

/** Every runnable language version, as configuration: {@code edc.languages[*]}. */
@Validated
@ConfigurationProperties("edc")
record LanguageProperties(@NotEmpty List<@Valid LanguageVersion> languages) {
}
