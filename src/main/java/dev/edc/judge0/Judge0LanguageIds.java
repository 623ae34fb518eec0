package dev.edc.judge0;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Judge0's view of each {@code edc.languages} entry: the Judge0 ids that name it
 * ({@code judge0-ids: [62, 91]}), so that the ids clients hard-code keep working; the first is the
 * one a submission is read back with. The rest of each entry is the language registry's.
 */
@ConfigurationProperties("edc")
record Judge0LanguageIds(@DefaultValue Map<String, Entry> languages) {

    /** These entries, keyed as configuration would key them. */
    static Judge0LanguageIds of(Entry... entries) {
        Map<String, Entry> byKey = new LinkedHashMap<>();
        for (Entry entry : entries) {
            byKey.put(entry.language() + entry.version(), entry);
        }
        return new Judge0LanguageIds(byKey);
    }

    record Entry(
            String language, String version, @DefaultValue List<Integer> judge0Ids) {}
}
