package dev.edc.execution;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Requests on this node waiting for a result ({@code ?wait=true} and the synchronous APIs); completed as results arrive.
 * When the node shuts down they are released at once (completed with null, answered 202): this
 * node stops receiving results before its web server has drained, and the job itself is safe in
 * the queue.
 */
@Component
public class ResultWaiters {

    private final Map<ExecutionKey, Set<CompletableFuture<ExecutionResult>>> waiting = new ConcurrentHashMap<>();
    private volatile boolean closing;

    /** A future completed with the final result, or with null on shutdown; the caller bounds it and then calls {@link #forget}. */
    CompletableFuture<ExecutionResult> register(ExecutionKey key) {
        CompletableFuture<ExecutionResult> future = new CompletableFuture<>();
        waiting.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(future);
        if (closing) {
            future.complete(null);
        }
        return future;
    }

    void forget(ExecutionKey key, CompletableFuture<ExecutionResult> future) {
        waiting.computeIfPresent(key, (k, futures) -> {
            futures.remove(future);
            return futures.isEmpty() ? null : futures;
        });
    }

    public void complete(ExecutionKey key, ExecutionResult result) {
        Set<CompletableFuture<ExecutionResult>> futures = waiting.remove(key);
        if (futures != null) {
            futures.forEach(future -> future.complete(result));
        }
    }

    /** The executions some request is waiting for. */
    public Set<ExecutionKey> keys() {
        return Set.copyOf(waiting.keySet());
    }

    @EventListener(ContextClosedEvent.class)
    void releaseAll() {
        closing = true;
        waiting.values().forEach(futures -> futures.forEach(future -> future.complete(null)));
    }
}
