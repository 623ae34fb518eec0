package dev.edc.webhook;

import dev.edc.execution.CallbackFormat;
import dev.edc.execution.ExecutionResult;

/**
 * What a callback of one format sends: its HTTP method and its body. EDC's own is {@link
 * EdcCallbackBody}; an adapter whose clients expect another (Judge0's) adds a bean of its own.
 * Whatever the format, the sender signs the body and names the execution in its headers.
 */
public interface CallbackBody {

    CallbackFormat format();

    /** {@code POST} or {@code PUT}. */
    String method();

    byte[] of(ExecutionResult result);
}
