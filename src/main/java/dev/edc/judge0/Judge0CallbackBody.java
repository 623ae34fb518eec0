package dev.edc.judge0;

import dev.edc.Roles;
import dev.edc.execution.CallbackFormat;
import dev.edc.execution.ExecutionResult;
import dev.edc.webhook.CallbackBody;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Judge0 sends to a submission's {@code callback_url}, so that a client written for Judge0
 * reads its callback unchanged: a PUT of the finished submission with Judge0's default attributes
 * ({@code token}, {@code time}, {@code memory}, {@code stdout}, {@code stderr},
 * {@code compile_output}, {@code message}, {@code status}), its texts in Base64 whatever the
 * submission's {@code base64_encoded} was, as Judge0 does.
 */
@Component
@Profile(Roles.API)
@ConditionalOnBooleanProperty(name = Judge0Properties.ENABLED, matchIfMissing = true)
class Judge0CallbackBody implements CallbackBody {

    private static final Judge0Fields FIELDS = new Judge0Fields(Judge0Fields.DEFAULT);

    private final Judge0Submissions submissions;
    private final JsonMapper json;

    Judge0CallbackBody(Judge0Languages languages, JsonMapper json) {
        this.submissions = new Judge0Submissions(languages);
        this.json = json;
    }

    @Override
    public CallbackFormat format() {
        return CallbackFormat.JUDGE0;
    }

    @Override
    public String method() {
        return "PUT";
    }

    @Override
    public byte[] of(ExecutionResult result) {
        return json.writeValueAsBytes(submissions.view(result, FIELDS, true));
    }
}
