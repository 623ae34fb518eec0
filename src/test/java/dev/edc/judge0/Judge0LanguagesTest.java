package dev.edc.judge0;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edc.execution.LanguageAvailability;
import dev.edc.language.LanguageTestEntries;
import java.util.List;
import org.junit.jupiter.api.Test;

class Judge0LanguagesTest {

    @Test
    void shouldNameEachLanguageVersionByItsIdsAndReadItBackByTheFirst() {
        Judge0Languages languages = new Judge0Languages(
                Judge0LanguageIds.of(
                        new Judge0LanguageIds.Entry("java", "17", List.of(62, 91)),
                        new Judge0LanguageIds.Entry("java", "21", List.of())),
                LanguageTestEntries.javaAndJavaScript(),
                new LanguageAvailability());

        assertThat(languages.find(91).orElseThrow().version()).isEqualTo("17");
        assertThat(languages.find(63)).isEmpty();
        assertThat(languages.of("java", "17").orElseThrow().id()).isEqualTo(62);
        assertThat(languages.of("java", "21")).isEmpty();
        assertThat(languages.all())
                .extracting(Judge0Languages.Judge0Language::id)
                .containsExactly(62, 91);
    }

    @Test
    void shouldRefuseAnIdGivenToTwoLanguageVersions() {
        assertThatThrownBy(() -> new Judge0Languages(
                        Judge0LanguageIds.of(
                                new Judge0LanguageIds.Entry("java", "17", List.of(62)),
                                new Judge0LanguageIds.Entry("java", "21", List.of(62))),
                        LanguageTestEntries.javaAndJavaScript(),
                        new LanguageAvailability()))
                .hasMessageContaining("Judge0 id 62 names both java 17 and java 21");
    }
}
