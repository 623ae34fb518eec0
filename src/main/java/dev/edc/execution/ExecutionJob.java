package dev.edc.execution;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.time.Instant;
import java.util.List;
import lombok.Builder;

/**
 * The message queued on RabbitMQ for a worker: everything needed to run one execution, validated.
 * The owner is where its record lives (see {@link ExecutionKey}).
 */
@JsonIgnoreProperties(ignoreUnknown = true) // written by other versions of EDC too
@Builder(toBuilder = true)
public record ExecutionJob(
        String uuid,
        String owner,
        String language,
        String version,
        List<SourceFile> files,
        String stdin,
        List<String> args,
        Limits limits,
        Instant queuedAt,
        List<TestCase> tests,
        Compare compare,
        Double epsilon,
        String expectedOutput,
        String callbackUrl,
        CallbackFormat callbackFormat, // absent (an older API node's job): EDC's
        @JsonSetter(nulls = Nulls.AS_EMPTY) boolean interactive) { // absent (an older API node's job): false

    /** Whether the program runs once per test case (compiled once). */
    public boolean hasTests() {
        return tests != null && !tests.isEmpty();
    }

    /** How the result goes to {@link #callbackUrl()}: EDC's format unless the job says otherwise. */
    public CallbackFormat callbackFormatOrDefault() {
        return callbackFormat == null ? CallbackFormat.EDC : callbackFormat;
    }

    public ExecutionKey key() {
        return new ExecutionKey(owner == null ? ExecutionKey.ANONYMOUS : owner, uuid);
    }
}
