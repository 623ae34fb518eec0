package dev.edc.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageRegistryTest {

    private final LanguageRegistry registry = LanguageTestEntries.registry((List.of(
            entry("java", "11", false, List.of()),
            entry("java", "17", true, List.of()),
            entry("javascript", "20", true, List.of("js", "node")))));

    @Test
    void shouldResolveNamesAndAliasesInAnyCaseToTheDefaultVersion() {
        assertThat(registry.require("JAVA", null).version()).isEqualTo("17");
        assertThat(registry.require("Node", null).language()).isEqualTo("javascript");
        assertThat(registry.require("java", "11").version()).isEqualTo("11");
    }

    @Test
    void shouldListTheChoicesWhenALanguageOrVersionIsUnknown() {
        assertThatThrownBy(() -> registry.require("cobol", null))
                .hasMessage("Language 'cobol' is not supported. Supported languages: java, javascript.");
        assertThatThrownBy(() -> registry.require("java", "8"))
                .hasMessage("Version '8' of java is not supported. Supported versions: 11, 17.");
    }

    @Test
    void shouldRefuseSeveralVersionsWithoutExactlyOneDefault() {
        assertThatThrownBy(() -> LanguageTestEntries.registry(
                        (List.of(entry("go", "1", false, List.of()), entry("go", "2", false, List.of())))))
                .hasMessageContaining("'go' has several versions: exactly one needs default-version: true");
        assertThatThrownBy(() -> LanguageTestEntries.registry(
                        (List.of(entry("go", "1", true, List.of()), entry("go", "2", true, List.of())))))
                .hasMessageContaining("exactly one needs default-version: true");
    }

    @Test
    void shouldTakeALanguagesOnlyVersionAsItsDefault() {
        LanguageRegistry onlyOne = LanguageTestEntries.registry((List.of(entry("go", "1.24", false, List.of()))));

        assertThat(onlyOne.require("go", null).version()).isEqualTo("1.24");
        assertThat(onlyOne.isDefault(onlyOne.all().getFirst())).isTrue();
    }

    static LanguageVersion entry(String language, String version, boolean isDefault, List<String> aliases) {
        return LanguageTestEntries.entry(language, version, isDefault, aliases, "main", 256, 16);
    }
}
