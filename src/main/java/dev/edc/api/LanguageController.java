package dev.edc.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.edc.Roles;
import dev.edc.execution.LanguageAvailability;
import dev.edc.language.LanguageRegistry;
import dev.edc.language.LanguageVersion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /languages}: one entry per runnable language version (one whose runner image could not be built is left out). */
@RestController
@Profile(Roles.API)
@Tag(name = "languages", description = "What can be run")
class LanguageController {

    private final LanguageRegistry languages;
    private final LanguageAvailability availability;

    LanguageController(LanguageRegistry languages, LanguageAvailability availability) {
        this.languages = languages;
        this.availability = availability;
    }

    @GetMapping("/languages")
    @Operation(summary = "List the runnable language versions")
    @ApiResponse(
            responseCode = "200",
            description = "One entry per runnable language version",
            content =
                    @Content(
                            mediaType = "application/json",
                            array = @ArraySchema(schema = @Schema(implementation = LanguageView.class)),
                            examples = @ExampleObject(value = ApiExamples.LANGUAGES)))
    List<LanguageView> languages() {
        return languages.all().stream()
                .filter(language -> availability.status(language) != LanguageAvailability.Status.UNAVAILABLE)
                .map(language ->
                        LanguageView.of(language, languages.isDefault(language), availability.status(language)))
                .toList();
    }

    /**
     * @param status "available", or "rebuilding" while its runner image is rebuilt (its jobs wait)
     */
    record LanguageView(
            String language,
            String version,
            List<String> aliases,
            @JsonProperty("default") boolean isDefault,
            String runtime,
            String status) {

        static LanguageView of(LanguageVersion entry, boolean isDefault, LanguageAvailability.Status status) {
            return new LanguageView(
                    entry.language(),
                    entry.version(),
                    entry.aliases(),
                    isDefault,
                    entry.runtime(),
                    status.name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
