package dev.edc.worker;

import dev.edc.execution.ExecutionResult;
import dev.edc.sandbox.SandboxOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * What operators watch: executions by language, version and status; how long jobs wait in the
 * queue; compile and run times; sandboxes that failed. Exposed at {@code /actuator/prometheus}.
 */
@Component
class ExecutionMetrics {

    private final MeterRegistry registry;

    ExecutionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void finished(ExecutionResult result, SandboxOutcome outcome) {
        Counter.builder("edc.executions")
                .description("Executions finished, by verdict")
                .tag("language", result.language())
                .tag("version", result.version())
                .tag("status", result.status().name())
                .register(registry)
                .increment();
        if (result.startedAt() != null && result.queuedAt() != null) {
            timer("edc.queue.wait", "Time from submission to a worker taking the job", result)
                    .record(Duration.between(result.queuedAt(), result.startedAt()));
        }
        if (outcome.compilation() != null) {
            timer("edc.compile.time", "Time the compilation took", result)
                    .record(outcome.compilation().time());
        }
        outcome.runs()
                .forEach(run -> timer("edc.run.time", "Wall time of the program", result)
                        .record(run.time()));
    }

    void sandboxFailed(String language, String version) {
        Counter.builder("edc.sandbox.failures")
                .description("Jobs whose sandbox failed (engine down, image missing)")
                .tag("language", language)
                .tag("version", version)
                .register(registry)
                .increment();
    }

    private Timer timer(String name, String description, ExecutionResult result) {
        return Timer.builder(name)
                .description(description)
                .tag("language", result.language())
                .tag("version", result.version())
                .publishPercentileHistogram()
                .register(registry);
    }
}
