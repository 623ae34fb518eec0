package dev.edc.execution;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An announced change of an execution, as every API node receives it: whose, and the record. */
@JsonIgnoreProperties(ignoreUnknown = true) // written by other versions of EDC too
public record ExecutionEvent(String owner, ExecutionResult record) {

    public ExecutionKey key() {
        return new ExecutionKey(owner == null ? ExecutionKey.ANONYMOUS : owner, record.uuid());
    }
}
