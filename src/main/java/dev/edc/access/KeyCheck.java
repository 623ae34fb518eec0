package dev.edc.access;

import dev.edc.Roles;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With API keys on: a submission needs a valid {@code X-API-Key} (401 otherwise), a request that
 * presents an invalid one is refused whatever it asks, and every request is marked with its owner
 * ({@link RequestOwner}), so that it sees only its key's executions. An admin's request on an
 * operational path ({@link AdminCheck} let it through) owns nothing and is not checked again.
 */
@Component
@Profile(Roles.API)
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class KeyCheck extends OncePerRequestFilter {

    static final String API_KEY_HEADER = "X-API-Key";

    private final ApiKeys keys;
    private final AdminKeys admins;

    KeyCheck(ApiKeys keys, AdminKeys admins) {
        this.keys = keys;
        this.admins = admins;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (RequestOwner.isAdmin(request)) {
            request.setAttribute(RequestOwner.ATTRIBUTE, ApiKeys.NO_KEYS);
        } else if (keys.required()) {
            String presented = request.getHeader(API_KEY_HEADER);
            String owner = keys.nameOf(presented).orElse(null);
            if (owner == null && (presented != null || isSubmission(request))) {
                Problems.write(
                        response,
                        HttpStatus.UNAUTHORIZED,
                        "API key required",
                        presented == null
                                ? "Send your API key in the " + API_KEY_HEADER + " header."
                                : admins.nameOf(presented).isPresent()
                                        ? "The key in " + API_KEY_HEADER + " is an admin key: it opens the "
                                                + "operational endpoints only. Send an API key here."
                                        : "The API key in " + API_KEY_HEADER + " is not valid.");
                return;
            }
            request.setAttribute(RequestOwner.ATTRIBUTE, owner == null ? ApiKeys.NO_KEYS : owner);
        } else {
            request.setAttribute(RequestOwner.ATTRIBUTE, ApiKeys.NO_KEYS);
            request.setAttribute(RequestOwner.OPEN_ATTRIBUTE, true);
        }
        chain.doFilter(request, response);
    }

    /** What needs a key and counts against the rate limit: submitting, and steering (input, cancel). */
    static boolean isSubmission(HttpServletRequest request) {
        String path = request.getServletPath();
        return "POST".equals(request.getMethod())
                && (path.startsWith("/execute-code")
                        || path.startsWith("/executions/") && (path.endsWith("/stdin") || path.endsWith("/cancel")));
    }
}
