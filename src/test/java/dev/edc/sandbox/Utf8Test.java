package dev.edc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Utf8Test {

    @Test
    void shouldLeaveOutACharacterSplitByACut() {
        byte[] text = "a€😀".getBytes(StandardCharsets.UTF_8); // 1 + 3 + 4 bytes
        for (int cut = 0; cut <= text.length; cut++) {
            String decoded = Utf8.decode(Arrays.copyOf(text, cut), true);
            assertThat("a€😀").as("cut at %d", cut).startsWith(decoded);
            assertThat(decoded).doesNotContain("\uFFFD");
        }
        assertThat(Utf8.decode(Arrays.copyOf(text, 3), true)).isEqualTo("a");
        assertThat(Utf8.decode(Arrays.copyOf(text, 4), true)).isEqualTo("a€");
        assertThat(Utf8.decode(Arrays.copyOf(text, 7), true)).isEqualTo("a€");
    }

    @Test
    void shouldReadInvalidBytesAsReplacementsWhenNotCut() {
        assertThat(Utf8.decode(new byte[] {'a', (byte) 0xFF, 'b'}, false)).isEqualTo("a\uFFFDb");
    }
}
