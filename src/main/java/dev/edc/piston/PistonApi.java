package dev.edc.piston;

import dev.edc.Roles;
import dev.edc.access.ForeignApi;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Piston's paths for EDC's access control: its clients send EDC's {@code X-API-Key}; an execute
 * submits; a refusal is Piston's {@code {"message": ...}}.
 */
@Component
@Profile(Roles.API)
@ConditionalOnBooleanProperty(name = PistonProperties.ENABLED, matchIfMissing = true)
class PistonApi implements ForeignApi {

    static final String PATH = "/api/v2";

    private final JsonMapper json;

    PistonApi(JsonMapper json) {
        this.json = json;
    }

    @Override
    public String pathPrefix() {
        return PATH + "/";
    }

    @Override
    public List<String> keyHeaders() {
        return List.of("X-API-Key");
    }

    @Override
    public boolean submits(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && request.getServletPath().equals(PATH + "/execute");
    }

    @Override
    public void refuse(Refusal refusal, HttpServletResponse response) throws IOException {
        response.setStatus(
                switch (refusal.reason()) {
                    case KEY_REQUIRED -> HttpStatus.UNAUTHORIZED.value();
                    case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS.value();
                    case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE.value();
                });
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(new Message(refusal.detail())));
    }

    /** Piston's error body. */
    record Message(String message) {}
}
