package dev.edc.piston;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PistonVersionsTest {

    private static final List<String> CONFIGURED = List.of("11", "17", "21", "3.9", "3.13");

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"17, 17.0.0", "3.13, 3.13.0", "1.85.1, 1.85.1", "5.9, 5.9.0", "latest, latest", "1.2.3.4, 1.2.3.4"})
    void shouldNameEachVersionTheSemverWay(String version, String semver) {
        assertThat(PistonVersions.semver(version)).isEqualTo(semver);
    }

    @ParameterizedTest(name = "{0} selects {1}")
    @CsvSource({
        "17.0.0, 17",
        "17, 17",
        "17.0, 17",
        "17.x, 17",
        "*, 21",
        "x, 21",
        "3, 3.13",
        "3.x, 3.13",
        "3.9, 3.9",
        "3.9.0, 3.9",
        "' 21 ', 21"
    })
    void shouldSelectTheNewestVersionMatchingAVersionOrPrefix(String selector, String selected) {
        assertThat(PistonVersions.newestMatching(CONFIGURED, Function.identity(), selector))
                .contains(selected);
    }

    @ParameterizedTest(name = "{0} selects nothing")
    @CsvSource({
        "1, a prefix of a number is not a match",
        "17.1, no 17.1",
        "3.1, 3.13 is not 3.1",
        "4.x, no 4",
        "17.0.0.0, too long"
    })
    void shouldSelectNothingWhenNoVersionMatches(String selector, String why) {
        assertThat(PistonVersions.newestMatching(CONFIGURED, Function.identity(), selector))
                .as(why)
                .isEmpty();
    }
}
