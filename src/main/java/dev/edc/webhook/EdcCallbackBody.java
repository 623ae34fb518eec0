package dev.edc.webhook;

import dev.edc.execution.CallbackFormat;
import dev.edc.execution.ExecutionResult;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** EDC's own callback: a POST of the result, as {@code GET /executions/{uuid}} answers it. */
@Component
class EdcCallbackBody implements CallbackBody {

    private final JsonMapper json;

    EdcCallbackBody(JsonMapper json) {
        this.json = json;
    }

    @Override
    public CallbackFormat format() {
        return CallbackFormat.EDC;
    }

    @Override
    public String method() {
        return "POST";
    }

    @Override
    public byte[] of(ExecutionResult result) {
        return json.writeValueAsBytes(result);
    }
}
