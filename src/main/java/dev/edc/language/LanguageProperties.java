package dev.edc.language;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Every runnable language version, as configuration: {@code edc.languages[*]}. */
@Validated
@ConfigurationProperties("edc")
record LanguageProperties(@NotEmpty List<@Valid LanguageVersion> languages) {}
