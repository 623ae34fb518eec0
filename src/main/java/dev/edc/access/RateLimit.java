package dev.edc.access;

import dev.edc.Roles;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits submissions per API key (or, without keys, per client address when configured),
 * answered {@code 429} with {@code Retry-After}; a {@link ForeignApi}'s submissions count too, and
 * are refused in that API's shape. Buckets are per node: N nodes behind a balancer allow up to N
 * times the rate.
 */
@Component
@Profile(Roles.API)
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RateLimit extends OncePerRequestFilter {

    private final AccessProperties properties;
    private final ApiKeys keys;
    private final ForeignApis foreignApis;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimit(AccessProperties properties, ApiKeys keys, ObjectProvider<ForeignApi> foreignApis) {
        this.properties = properties;
        this.keys = keys;
        this.foreignApis = new ForeignApis(foreignApis);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !foreignApis.submits(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int perMinute = keys.required() ? properties.requestsPerMinute() : properties.anonymousRequestsPerMinute();
        if (perMinute > 0) {
            String client = keys.required() ? "key:" + RequestOwner.of(request) : "address:" + request.getRemoteAddr();
            ConsumptionProbe probe =
                    buckets.computeIfAbsent(client, c -> bucket(perMinute)).tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                long seconds = Math.max(
                        1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                String detail =
                        "This client may submit " + perMinute + " executions per minute; retry in " + seconds + " s.";
                Optional<ForeignApi> foreign = foreignApis.of(request);
                if (foreign.isPresent()) {
                    foreign.get()
                            .refuse(
                                    new ForeignApi.Refusal(ForeignApi.Refusal.Reason.TOO_MANY_REQUESTS, detail),
                                    response);
                } else {
                    Problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests", detail);
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static Bucket bucket(int perMinute) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(perMinute)
                        .refillGreedy(perMinute, Duration.ofMinutes(1))
                        .build())
                .build();
    }
}
