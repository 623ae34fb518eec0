package dev.edc.language;

import java.time.Duration;
import java.util.List;
import org.springframework.util.unit.DataSize;

/** A registry's worth of languages for unit tests, as application.yml would configure them. */
public final class LanguageTestEntries {

    private LanguageTestEntries() {}

    /** Java 11, 17 (default) and 21, JavaScript 20 (js, node, nodejs). */
    public static LanguageRegistry javaAndJavaScript() {
        return LanguageTestEntries.registry((List.of(
                entry("java", "11", false, List.of(), "Main.java", 256, 64),
                entry("java", "17", true, List.of(), "Main.java", 256, 64),
                entry("java", "21", false, List.of(), "Main.java", 256, 64),
                entry("javascript", "20", true, List.of("js", "node", "nodejs"), "main.js", 128, 32))));
    }

    /** A registry of these entries, keyed as configuration would (language and version). */
    public static LanguageRegistry registry(List<LanguageVersion> entries) {
        java.util.Map<String, LanguageVersion> byKey = new java.util.LinkedHashMap<>();
        entries.forEach(entry -> byKey.put(entry.language() + entry.version(), entry));
        return new LanguageRegistry(new LanguageProperties(byKey));
    }

    /** A registry of these entries. */
    public static LanguageRegistry of(LanguageVersion... entries) {
        return registry(List.of(entries));
    }

    /** The four of {@link #javaAndJavaScript()} and SQL 3.46, whose programs take no arguments. */
    public static LanguageRegistry withSql() {
        List<LanguageVersion> all =
                new java.util.ArrayList<>(javaAndJavaScript().all());
        all.add(entry("sql", "3.46", true, List.of("sqlite"), "main.sql", 128, 16, false));
        return LanguageTestEntries.registry((all));
    }

    public static LanguageVersion entry(
            String language,
            String version,
            boolean isDefault,
            List<String> aliases,
            String sourceFile,
            long memoryMb,
            long minMemoryMb) {
        return entry(language, version, isDefault, aliases, sourceFile, memoryMb, minMemoryMb, true);
    }

    static LanguageVersion entry(
            String language,
            String version,
            boolean isDefault,
            List<String> aliases,
            String sourceFile,
            long memoryMb,
            long minMemoryMb,
            boolean arguments) {
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
                DataSize.ofMegabytes(minMemoryMb),
                arguments);
    }
}
