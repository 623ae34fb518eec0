package dev.edc.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With admin keys on: the operational endpoints ({@link OperationalPaths}) need an admin key, in
 * {@code X-API-Key} or as {@code Authorization: Bearer} (what Prometheus' scrape configuration
 * sends); no key or an unknown one is 401, an API key 403. A request let through is marked as an
 * admin's ({@link RequestOwner#seesEveryOwner}). Without admin keys they stay open. On both
 * roles: a worker's actuator is behind the same keys when it has them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class AdminCheck extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final AdminKeys admins;
    private final ApiKeys apiKeys;

    AdminCheck(AdminKeys admins, ApiKeys apiKeys) {
        this.admins = admins;
        this.apiKeys = apiKeys;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !admins.required() || !OperationalPaths.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = presented(request);
        Optional<String> admin = admins.nameOf(presented);
        if (admin.isPresent()) {
            request.setAttribute(RequestOwner.ADMIN_ATTRIBUTE, admin.get());
            chain.doFilter(request, response);
            return;
        }
        if (presented != null && apiKeys.nameOf(presented).isPresent()) {
            Problems.write(
                    response,
                    HttpStatus.FORBIDDEN,
                    "Admin key required",
                    "This is an API key; " + request.getRequestURI()
                            + " needs an admin key (one of EDC_ADMIN_KEYS) in the " + KeyCheck.API_KEY_HEADER
                            + " header.");
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"EDC operations\"");
        Problems.write(
                response,
                HttpStatus.UNAUTHORIZED,
                "Admin key required",
                presented == null
                        ? "Send an admin key in the " + KeyCheck.API_KEY_HEADER
                                + " header (or as Authorization: Bearer <key>)."
                        : "The key presented is not a valid admin key.");
    }

    /** The key in X-API-Key, else the bearer token of Authorization. */
    private static String presented(HttpServletRequest request) {
        String header = request.getHeader(KeyCheck.API_KEY_HEADER);
        if (header != null) {
            return header;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).strip()
                : null;
    }
}
