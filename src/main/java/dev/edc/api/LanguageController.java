package dev.edc.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.edc.Roles;
import dev.edc.language.LanguageRegistry;
import dev.edc.language.LanguageVersion;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code GET /languages}: one entry per runnable language version. */
@RestController
@Profile(Roles.API)
class LanguageController {

    private final LanguageRegistry languages;

    LanguageController(LanguageRegistry languages) {
        this.languages = languages;
    }

    @GetMapping("/languages")
    List<LanguageView> languages() {
        return languages.all().stream().map(LanguageView::of).toList();
    }

    record LanguageView(String language, String version, List<String> aliases,
                        @JsonProperty("default") boolean isDefault, String runtime) {

        static LanguageView of(LanguageVersion entry) {
            return new LanguageView(entry.language(), entry.version(), entry.aliases(), entry.defaultVersion(), entry.runtime());
        }
    }
}
