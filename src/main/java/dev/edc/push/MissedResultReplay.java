package dev.edc.push;

import dev.edc.Roles;
import dev.edc.execution.ExecutionKey;
import dev.edc.execution.ExecutionResult;
import dev.edc.execution.ResultStore;
import dev.edc.execution.ResultWaiters;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.listener.ConsumeOkEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Catches up on results this node may have missed while it had no results queue. The queue is
 * this node's own and not durable: when the broker restarts, or this node loses its connection,
 * results announced meanwhile never reach it. Once the node consumes again (its queue redeclared
 * and bound), every subscription and {@code ?wait=true} request still waiting is checked against
 * the store: a result stored before this check is found, one stored after is announced to the
 * new queue.
 */
@Component
@Profile(Roles.API)
class MissedResultReplay {

    private static final Logger log = LoggerFactory.getLogger(MissedResultReplay.class);

    private final Queue nodeResultsQueue;
    private final ResultSubscriptions subscriptions;
    private final LateSubscriberReplay replay;
    private final ResultWaiters waiters;
    private final ResultStore store;

    MissedResultReplay(
            Queue nodeResultsQueue,
            ResultSubscriptions subscriptions,
            LateSubscriberReplay replay,
            ResultWaiters waiters,
            ResultStore store) {
        this.nodeResultsQueue = nodeResultsQueue;
        this.subscriptions = subscriptions;
        this.replay = replay;
        this.waiters = waiters;
        this.store = store;
    }

    @EventListener
    void onConsumeOk(ConsumeOkEvent event) {
        if (nodeResultsQueue.getName().equals(event.getQueue())) {
            // off the AMQP client's thread, which must not wait on Redis
            Thread.ofVirtual().name("missed-result-replay").start(this::catchUp);
        }
    }

    private void catchUp() {
        List<ResultSubscriptions.Waiting> waiting = subscriptions.waiting();
        waiting.forEach(replay::replay);
        for (ExecutionKey key : waiters.keys()) {
            try {
                store.find(key).filter(ExecutionResult::isFinal).ifPresent(record -> waiters.complete(key, record));
            } catch (RuntimeException e) {
                log.warn("execution {}: could not look up a result a request waits for: {}", key, e.getMessage());
            }
        }
        if (!waiting.isEmpty()) {
            log.info(
                    "results queue consuming again: checked {} subscription(s) still waiting for a result",
                    waiting.size());
        }
    }
}
