package dev.edc.language;

import java.time.Duration;
import java.util.List;
import org.springframework.util.unit.DataSize;

/** A registry's worth of languages for unit tests, as application.yml would configure them. */
public final class LanguageTestEntries {

    private LanguageTestEntries() {}

    /** Java 11, 17 (default) and 21, JavaScript 20 (js, node, nodejs). */
    public static LanguageRegistry javaAndJavaScript() {
        return new LanguageRegistry(new LanguageProperties(List.of(
                entry("java", "11", false, List.of(), "Main.java", 256, 64),
                entry("java", "17", true, List.of(), "Main.java", 256, 64),
                entry("java", "21", false, List.of(), "Main.java", 256, 64),
                entry("javascript", "20", true, List.of("js", "node", "nodejs"), "main.js", 128, 32))));
    }

    /** A registry of these entries. */
    public static LanguageRegistry of(LanguageVersion... entries) {
        return new LanguageRegistry(new LanguageProperties(List.of(entries)));
    }

    public static LanguageVersion entry(
            String language,
            String version,
            boolean isDefault,
            List<String> aliases,
            String sourceFile,
            long memoryMb,
            long minMemoryMb) {
        return new LanguageVersion(
                language,
                version,
                aliases,
                isDefault,
                language + " " + version,
                "edc-runner/" + language + ":" + version,
                sourceFile,
                null,
                "exec run \"$@\"",
                List.of(),
                64,
                0,
                Duration.ofSeconds(15),
                new LanguageVersion.Limits(
                        Duration.ofSeconds(5), DataSize.ofMegabytes(memoryMb), DataSize.ofKilobytes(64)),
                DataSize.ofMegabytes(minMemoryMb));
    }
}
