package dev.edc.execution;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An announced change of an execution, as every API node receives it: whose, and what changed:
 * its record (a status, or the result), a piece of its output, or a test case's verdict.
 */
@JsonIgnoreProperties(ignoreUnknown = true) // written by other versions of EDC too
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExecutionEvent(String owner, String uuid, ExecutionResult record, OutputChunk output, TestResult test) {

    public static ExecutionEvent of(ExecutionKey key, ExecutionResult record) {
        return new ExecutionEvent(key.owner(), key.uuid(), record, null, null);
    }

    public static ExecutionEvent of(ExecutionKey key, OutputChunk output) {
        return new ExecutionEvent(key.owner(), key.uuid(), null, output, null);
    }

    public static ExecutionEvent of(ExecutionKey key, TestResult test) {
        return new ExecutionEvent(key.owner(), key.uuid(), null, null, test);
    }

    public ExecutionKey key() {
        return new ExecutionKey(owner == null ? ExecutionKey.ANONYMOUS : owner, uuid != null ? uuid : record.uuid());
    }
}
