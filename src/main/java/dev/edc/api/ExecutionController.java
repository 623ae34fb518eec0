package dev.edc.api;

import dev.edc.Roles;
import dev.edc.execution.ExecutionProperties;
import dev.edc.execution.ExecutionRequest;
import dev.edc.execution.ExecutionResult;
import dev.edc.execution.ExecutionService;
import dev.edc.execution.ExecutionStatus;
import dev.edc.execution.ResultWaiters;
import jakarta.validation.Valid;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** {@code POST /execute-code} and {@code GET /executions/{uuid}}, as API.md fixes them. */
@RestController
@Profile(Roles.API)
class ExecutionController {

    private final ExecutionService executions;
    private final ResultWaiters waiters;
    private final ExecutionProperties properties;

    ExecutionController(ExecutionService executions, ResultWaiters waiters, ExecutionProperties properties) {
        this.executions = executions;
        this.waiters = waiters;
        this.properties = properties;
    }

    @PostMapping("/execute-code")
    CompletableFuture<ResponseEntity<?>> execute(@Valid @RequestBody ExecutionRequest request,
                                                 @RequestParam(defaultValue = "false") boolean wait) {
        ExecutionResult queued = executions.submit(request);
        if (!wait) {
            return CompletableFuture.completedFuture(accepted(queued));
        }
        CompletableFuture<ExecutionResult> result = waiters.register(queued.uuid());
        executions.find(queued.uuid()).filter(ExecutionResult::isFinal).ifPresent(result::complete); // done already
        return result
                .completeOnTimeout(null, properties.waitBound().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((done, error) -> waiters.forget(queued.uuid(), result))
                .thenApply(done -> done != null ? ResponseEntity.ok(done) : accepted(queued));
    }

    @GetMapping("/executions/{uuid}")
    ExecutionResult find(@PathVariable String uuid) {
        return executions.require(uuid);
    }

    private static ResponseEntity<?> accepted(ExecutionResult queued) {
        return ResponseEntity.accepted()
                .location(URI.create("/executions/" + queued.uuid()))
                .body(new Accepted(queued.uuid(), ExecutionStatus.QUEUED, "/topic/result/" + queued.uuid()));
    }

    /** The 202 body: where to look for the result. */
    record Accepted(String uuid, ExecutionStatus status, String resultTopic) {
    }
}
