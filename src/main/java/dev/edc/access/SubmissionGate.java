package dev.edc.access;

import dev.edc.Roles;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Guards {@code POST /execute-code}: the API key when keys are configured, then the rate limit of
 * that key (or of the client's address), answered {@code 401} or {@code 429} with {@code Retry-After}.
 * Buckets are per node: N nodes behind a balancer allow up to N times the rate.
 */
@Component
@Profile(Roles.API)
class SubmissionGate extends OncePerRequestFilter {

    static final String API_KEY_HEADER = "X-API-Key";

    private final AccessProperties properties;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    SubmissionGate(AccessProperties properties) {
        this.properties = properties;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/execute-code".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(API_KEY_HEADER);
        if (properties.keysRequired() && !properties.accepts(key)) {
            Problems.write(response, HttpStatus.UNAUTHORIZED, "API key required",
                    key == null ? "Send your API key in the " + API_KEY_HEADER + " header." : "The API key in " + API_KEY_HEADER + " is not valid.");
            return;
        }
        int perMinute = properties.keysRequired() ? properties.requestsPerMinute() : properties.anonymousRequestsPerMinute();
        if (perMinute > 0) {
            String client = properties.keysRequired() ? "key:" + key : "address:" + request.getRemoteAddr();
            ConsumptionProbe probe = buckets.computeIfAbsent(client, c -> bucket(perMinute)).tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                Problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                        "This client may submit " + perMinute + " executions per minute; retry in " + seconds + " s.");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static Bucket bucket(int perMinute) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build();
    }
}
