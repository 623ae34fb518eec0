package dev.edc.judge0;

import dev.edc.Roles;
import dev.edc.access.ForeignApi;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Judge0's paths for EDC's access control: Judge0's clients send their token in
 * {@code X-Auth-Token} (EDC's {@code X-API-Key} works too); creating submissions (one or a batch)
 * submits; a missing or wrong token is Judge0's bare {@code 401}.
 */
@Component
@Profile(Roles.API)
@ConditionalOnBooleanProperty(name = Judge0Properties.ENABLED, matchIfMissing = true)
class Judge0Api implements ForeignApi {

    static final String PATH = "/judge0";
    static final String AUTH_HEADER = "X-Auth-Token";

    private final JsonMapper json;

    Judge0Api(JsonMapper json) {
        this.json = json;
    }

    @Override
    public String pathPrefix() {
        return PATH + "/";
    }

    @Override
    public List<String> keyHeaders() {
        return List.of(AUTH_HEADER, "X-API-Key");
    }

    @Override
    public boolean submits(HttpServletRequest request) {
        String path = request.getServletPath();
        return "POST".equals(request.getMethod())
                && (path.equals(PATH + "/submissions") || path.equals(PATH + "/submissions/batch"));
    }

    @Override
    public void refuse(Refusal refusal, HttpServletResponse response) throws IOException {
        switch (refusal.reason()) {
            case KEY_REQUIRED -> response.setStatus(HttpStatus.UNAUTHORIZED.value());
            case TOO_MANY_REQUESTS, UNAVAILABLE -> {
                response.setStatus(
                        refusal.reason() == Refusal.Reason.UNAVAILABLE
                                ? HttpStatus.SERVICE_UNAVAILABLE.value()
                                : HttpStatus.TOO_MANY_REQUESTS.value());
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write(json.writeValueAsString(Map.of("error", refusal.detail())));
            }
        }
    }
}
