package dev.edc.jobe;

import dev.edc.Roles;
import dev.edc.access.ForeignApi;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jobe's paths for EDC's access control: CodeRunner sends its key in {@code X-API-KEY} (EDC's own
 * header, any case); a run submits; putting a file keeps something of its owner's, so it needs a
 * key too. Refusals are Jobe's: {@code 403} for a key, {@code 401} for the rate (CodeRunner reads
 * that as "submission limit exceeded"), each with a JSON string.
 */
@Component
@Profile(Roles.API)
@ConditionalOnBooleanProperty(name = JobeProperties.ENABLED, matchIfMissing = true)
class JobeApi implements ForeignApi {

    static final String PATH = "/jobe/index.php/restapi";

    private final JsonMapper json;

    JobeApi(JsonMapper json) {
        this.json = json;
    }

    @Override
    public String pathPrefix() {
        return "/jobe/";
    }

    @Override
    public List<String> keyHeaders() {
        return List.of("X-API-KEY");
    }

    @Override
    public boolean submits(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && request.getServletPath().equals(PATH + "/runs");
    }

    @Override
    public boolean needsKey(HttpServletRequest request) {
        return submits(request)
                || "PUT".equals(request.getMethod()) && request.getServletPath().startsWith(PATH + "/files/");
    }

    @Override
    public void refuse(Refusal refusal, HttpServletResponse response) throws IOException {
        response.setStatus(
                switch (refusal.reason()) {
                    case KEY_REQUIRED -> 403;
                    case TOO_MANY_REQUESTS -> 401;
                    case UNAVAILABLE -> 500;
                });
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        String message = refusal.reason() == Refusal.Reason.UNAVAILABLE
                ? "Server exception (" + refusal.detail() + ")"
                : refusal.detail();
        response.getWriter().write(json.writeValueAsString(message));
    }
}
