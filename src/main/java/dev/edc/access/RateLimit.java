package dev.edc.access;

import dev.edc.Roles;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits submissions per API key (or, without keys, per client address when configured),
 * answered {@code 429} with {@code Retry-After}. The buckets are in Redis ({@link SharedBuckets}):
 * every API node draws on the same one, so N nodes behind a balancer allow the configured rate,
 * not N times it. With Redis unreachable a submission could not be stored anyway: {@code 503}. A
 * {@link ForeignApi}'s submissions count too, and are refused in that API's shape.
 */
@Component
@Profile(Roles.API)
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RateLimit extends OncePerRequestFilter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RateLimit.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    private final AccessProperties properties;
    private final ApiKeys keys;
    private final SharedBuckets buckets;
    private final ForeignApis foreignApis;

    RateLimit(
            AccessProperties properties,
            ApiKeys keys,
            ObjectProvider<LettuceConnectionFactory> redis,
            ObjectProvider<ForeignApi> foreignApis) {
        this.properties = properties;
        this.keys = keys;
        this.buckets = new SharedBuckets(redis);
        this.foreignApis = new ForeignApis(foreignApis);
    }

    @Override
    public void destroy() {
        buckets.close();
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
            ConsumptionProbe probe;
            try {
                probe = buckets.tryConsume(client, perMinute);
            } catch (RuntimeException e) {
                log.warn(
                        "rate limit of {} not checked, submission refused: Redis unavailable: {}",
                        client,
                        e.toString());
                response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
                refuse(
                        request,
                        response,
                        ForeignApi.Refusal.Reason.UNAVAILABLE,
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "Service unavailable",
                        "The store of rate limits (Redis) is unavailable; nothing was queued.");
                return;
            }
            if (!probe.isConsumed()) {
                long seconds = Math.max(
                        1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                refuse(
                        request,
                        response,
                        ForeignApi.Refusal.Reason.TOO_MANY_REQUESTS,
                        HttpStatus.TOO_MANY_REQUESTS,
                        "Too many requests",
                        "This client may submit " + perMinute + " executions per minute; retry in " + seconds + " s.");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** A problem detail on EDC's own paths; on a foreign API's, that API's own shape. */
    private void refuse(
            HttpServletRequest request,
            HttpServletResponse response,
            ForeignApi.Refusal.Reason reason,
            HttpStatus status,
            String title,
            String detail)
            throws IOException {
        Optional<ForeignApi> foreign = foreignApis.of(request);
        if (foreign.isPresent()) {
            foreign.get().refuse(new ForeignApi.Refusal(reason, detail), response);
        } else {
            Problems.write(response, status, title, detail);
        }
    }
}
