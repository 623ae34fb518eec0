package dev.edc.execution;

import dev.edc.language.LanguageRegistry;
import dev.edc.language.LanguageVersion;
import dev.edc.queue.JobPublisher;
import dev.edc.store.ResultStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Submits executions (validated, stored, durably queued) and reads their records. */
@Service
public class ExecutionService {

    private static final Logger log = LoggerFactory.getLogger(ExecutionService.class);

    private final LanguageRegistry languages;
    private final ResultStore store;
    private final JobPublisher publisher;
    private final ExecutionProperties properties;
    private final Clock clock;

    ExecutionService(LanguageRegistry languages, ResultStore store, JobPublisher publisher,
                     ExecutionProperties properties, Clock clock) {
        this.languages = languages;
        this.store = store;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Validates the request, stores its {@code QUEUED} record and queues the job; when this returns
     * the broker has confirmed the job. On any failure nothing is left behind.
     */
    public ExecutionResult submit(ExecutionRequest request) {
        LanguageVersion language = languages.require(request.language(), request.version());
        requireSizes(request);
        Limits limits = resolveLimits(request.limits(), language.limits());
        String uuid = request.uuid() != null ? request.uuid() : UUID.randomUUID().toString();
        MDC.put("execution", uuid);
        try {
            return queue(request, language, limits, uuid);
        } finally {
            MDC.remove("execution");
        }
    }

    private ExecutionResult queue(ExecutionRequest request, LanguageVersion language, Limits limits, String uuid) {
        ExecutionResult queued = ExecutionResult.queued(uuid, language.language(), language.version(), clock.instant());
        try {
            if (!store.create(queued)) {
                throw RequestRejectedException.duplicate(uuid);
            }
        } catch (DataAccessException e) {
            throw new ServiceUnavailableException("The result store (Redis) is unavailable; nothing was queued.", e);
        }
        ExecutionJob job = new ExecutionJob(uuid, language.language(), language.version(), request.code(),
                request.stdin(), request.args() == null ? List.of() : request.args(), limits, queued.queuedAt());
        try {
            publisher.publish(job);
        } catch (RuntimeException e) {
            withdraw(uuid);
            log.warn("execution {}: not queued: {}", uuid, e.getMessage());
            throw e;
        }
        log.info("execution {}: queued {} {}", uuid, language.language(), language.version());
        return queued;
    }

    public ExecutionResult require(String uuid) {
        return find(uuid).orElseThrow(() -> RequestRejectedException.notFound(uuid));
    }

    public Optional<ExecutionResult> find(String uuid) {
        try {
            return store.find(uuid);
        } catch (DataAccessException e) {
            throw new ServiceUnavailableException("The result store (Redis) is unavailable.", e);
        }
    }

    private void withdraw(String uuid) {
        try {
            store.delete(uuid);
        } catch (DataAccessException e) {
            log.error("execution {}: queueing failed and its record could not be withdrawn; it expires with its TTL", uuid, e);
        }
    }

    private void requireSizes(ExecutionRequest request) {
        long codeBytes = request.code().getBytes(StandardCharsets.UTF_8).length;
        if (codeBytes > properties.maxCodeSize().toBytes()) {
            throw RequestRejectedException.tooLarge("code", codeBytes, properties.maxCodeSize().toBytes());
        }
        if (request.stdin() != null) {
            long stdinBytes = request.stdin().getBytes(StandardCharsets.UTF_8).length;
            if (stdinBytes > properties.maxStdinSize().toBytes()) {
                throw RequestRejectedException.tooLarge("stdin", stdinBytes, properties.maxStdinSize().toBytes());
            }
        }
        if (request.args() != null && request.args().size() > properties.maxArgs()) {
            throw RequestRejectedException.tooManyArgs(request.args().size(), properties.maxArgs());
        }
    }

    private Limits resolveLimits(ExecutionRequest.RequestedLimits requested, LanguageVersion.DefaultLimits defaults) {
        if (requested == null) {
            return new Limits(defaults.timeMs(), defaults.memoryMb(), defaults.outputKb());
        }
        return new Limits(
                limit("timeMs", requested.timeMs(), defaults.timeMs(), properties.maxTimeMs()),
                limit("memoryMb", requested.memoryMb(), defaults.memoryMb(), properties.maxMemoryMb()),
                limit("outputKb", requested.outputKb(), defaults.outputKb(), properties.maxOutputKb()));
    }

    private static long limit(String field, Long requested, long fallback, long maximum) {
        if (requested == null) {
            return fallback;
        }
        if (requested > maximum) {
            throw RequestRejectedException.limitAboveMaximum(field, requested, maximum);
        }
        return requested;
    }
}
