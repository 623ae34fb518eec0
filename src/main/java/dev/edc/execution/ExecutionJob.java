package dev.edc.execution;

import java.time.Instant;
import java.util.List;

/** The message queued on RabbitMQ for a worker: everything needed to run one execution. */
public record ExecutionJob(
        String uuid,
        String language,
        String version,
        String code,
        String stdin,
        List<String> args,
        Limits limits,
        Instant queuedAt) {
}
