package dev.edc.access;

import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Who may use EDC and how much: {@code edc.access.*}. Off by default; one setting, the keys, turns
 * it on.
 *
 * @param apiKeys                    accepted {@code X-API-Key} values as {@code name:key} (a bare
 *                                   {@code key} is named {@code key-<n>}, n its place in the list);
 *                                   empty: no key needed
 * @param adminKeys                  admin keys as {@code name:key}, for the operational endpoints (workers, queue,
 *                                   the listing of executions, {@code /admin}, the actuator but its health
 *                                   probes); empty: those are open
 * @param requestsPerMinute          submissions per minute for each key (0: unlimited), shared by every API node
 * @param anonymousRequestsPerMinute submissions per minute per client address when no keys are set (0: unlimited),
 *                                   shared by every API node
 * @param allowedOrigins             browser origins allowed to call the API and open {@code /ws} (web IDEs on other hosts)
 * @param maxRequestSize             largest request body (413 above)
 */
@Validated
@ConfigurationProperties("edc.access")
public record AccessProperties(
        @DefaultValue List<String> apiKeys,
        @DefaultValue List<String> adminKeys,
        @DefaultValue("120") @PositiveOrZero int requestsPerMinute,
        @DefaultValue("0") @PositiveOrZero int anonymousRequestsPerMinute,
        @DefaultValue("*") List<String> allowedOrigins,
        @DefaultValue("2MB") DataSize maxRequestSize) {}
