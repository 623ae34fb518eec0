package dev.edc.access;

import dev.edc.Roles;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
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
 * operational path ({@link AdminCheck} let it through) owns nothing and is not checked again. On a
 * {@link ForeignApi}'s paths the key may come in that API's own header, and a refusal is answered
 * in its shape.
 */
@Component
@Profile(Roles.API)
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class KeyCheck extends OncePerRequestFilter {

    static final String API_KEY_HEADER = "X-API-Key";

    private final ApiKeys keys;
    private final AdminKeys admins;
    private final ForeignApis foreignApis;

    KeyCheck(ApiKeys keys, AdminKeys admins, ObjectProvider<ForeignApi> foreignApis) {
        this.keys = keys;
        this.admins = admins;
        this.foreignApis = new ForeignApis(foreignApis);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (RequestOwner.isAdmin(request)) {
            request.setAttribute(RequestOwner.ATTRIBUTE, ApiKeys.NO_KEYS);
        } else if (keys.required()) {
            Optional<ForeignApi> foreign = foreignApis.of(request);
            List<String> headers = foreign.map(KeyCheck::headersOf).orElse(List.of(API_KEY_HEADER));
            String header = headers.stream()
                    .filter(name -> request.getHeader(name) != null)
                    .findFirst()
                    .orElse(null);
            String presented = header == null ? null : request.getHeader(header);
            String owner = keys.nameOf(presented).orElse(null);
            if (owner == null && (presented != null || foreignApis.needsKey(request))) {
                String detail = presented == null
                        ? "Send your API key in the " + headers.getFirst() + " header."
                        : admins.nameOf(presented).isPresent()
                                ? "The key in " + header + " is an admin key: it opens the "
                                        + "operational endpoints only. Send an API key here."
                                : "The API key in " + header + " is not valid.";
                if (foreign.isPresent()) {
                    foreign.get()
                            .refuse(new ForeignApi.Refusal(ForeignApi.Refusal.Reason.KEY_REQUIRED, detail), response);
                } else {
                    Problems.write(response, HttpStatus.UNAUTHORIZED, "API key required", detail);
                }
                return;
            }
            request.setAttribute(RequestOwner.ATTRIBUTE, owner == null ? ApiKeys.NO_KEYS : owner);
        } else {
            request.setAttribute(RequestOwner.ATTRIBUTE, ApiKeys.NO_KEYS);
            request.setAttribute(RequestOwner.OPEN_ATTRIBUTE, true);
        }
        chain.doFilter(request, response);
    }

    private static List<String> headersOf(ForeignApi api) {
        List<String> headers = new ArrayList<>(api.keyHeaders());
        if (headers.stream().noneMatch(API_KEY_HEADER::equalsIgnoreCase)) {
            headers.add(API_KEY_HEADER);
        }
        return headers;
    }

    /** What needs a key and counts against the rate limit: submitting, and steering (input, cancel). */
    static boolean isSubmission(HttpServletRequest request) {
        String path = request.getServletPath();
        return "POST".equals(request.getMethod())
                && (path.startsWith("/execute-code")
                        || path.startsWith("/executions/") && (path.endsWith("/stdin") || path.endsWith("/cancel")));
    }
}
