package dev.edc.execution;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** Requests on this node waiting for a result ({@code ?wait=true}); completed as results arrive. */
@Component
public class ResultWaiters {

    private final Map<String, Set<CompletableFuture<ExecutionResult>>> waiting = new ConcurrentHashMap<>();

    /** A future completed with the final result, or never; the caller bounds it and then calls {@link #forget}. */
    public CompletableFuture<ExecutionResult> register(String uuid) {
        CompletableFuture<ExecutionResult> future = new CompletableFuture<>();
        waiting.computeIfAbsent(uuid, key -> ConcurrentHashMap.newKeySet()).add(future);
        return future;
    }

    public void forget(String uuid, CompletableFuture<ExecutionResult> future) {
        waiting.computeIfPresent(uuid, (key, futures) -> {
            futures.remove(future);
            return futures.isEmpty() ? null : futures;
        });
    }

    public void complete(ExecutionResult result) {
        Set<CompletableFuture<ExecutionResult>> futures = waiting.remove(result.uuid());
        if (futures != null) {
            futures.forEach(future -> future.complete(result));
        }
    }
}
