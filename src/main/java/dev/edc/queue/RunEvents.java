package dev.edc.queue;

import dev.edc.execution.ExecutionEvent;
import dev.edc.execution.ExecutionEvents;
import dev.edc.execution.ExecutionKey;
import dev.edc.execution.ExecutionResult;
import dev.edc.execution.OutputChunk;
import dev.edc.execution.TestResult;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.core.RabbitOperations;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * The events of one run, published in the order given, on one channel (RabbitMQ keeps order per
 * channel only), by a thread of their own so that the program is never slowed by the broker.
 * Output is coalesced: a piece waits at most {@link #LINGER} for the pieces after it, and a piece
 * grows to at most {@link #MAX_PIECE} characters, so a flood costs a bounded number of messages
 * and a line printed alone goes out at once.
 */
final class RunEvents implements ExecutionEvents.EventStream {

    private static final Logger log = LoggerFactory.getLogger(RunEvents.class);
    static final Duration LINGER = Duration.ofMillis(40);
    static final int MAX_PIECE = 32 * 1024;

    private final ExecutionKey key;
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile boolean abandoned;

    private RunEvents(ExecutionKey key) {
        this.key = key;
    }

    static RunEvents start(ExecutionKey key, RabbitTemplate rabbit) {
        RunEvents stream = new RunEvents(key);
        Thread.ofVirtual().name("run-events-" + key.uuid()).start(() -> {
            try {
                rabbit.invoke(operations -> {
                    stream.publishAll(operations);
                    return null;
                });
                stream.done.complete(null);
            } catch (RuntimeException e) {
                stream.done.completeExceptionally(e);
            }
        });
        return stream;
    }

    @Override
    public void output(OutputChunk.Stream stream, String text) {
        events.add(new Piece(stream, text));
    }

    @Override
    public void test(TestResult test) {
        events.add(test);
    }

    @Override
    public void finish(ExecutionResult result) {
        events.add(result);
        try {
            done.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    @Override
    public void abandon() {
        abandoned = true;
        events.add(Stop.STOP);
    }

    private void publishAll(RabbitOperations rabbit) {
        long seq = 0;
        Piece pending = null;
        long pendingSince = 0;
        try {
            for (; ; ) {
                long wait = pending == null ? Long.MAX_VALUE : pendingSince + LINGER.toNanos() - System.nanoTime();
                Object event =
                        wait == Long.MAX_VALUE ? events.take() : events.poll(Math.max(0, wait), TimeUnit.NANOSECONDS);
                if (abandoned) {
                    return;
                }
                if (event instanceof Piece piece
                        && pending != null
                        && piece.stream() == pending.stream()
                        && pending.text().length() + piece.text().length() <= MAX_PIECE) {
                    pending = new Piece(pending.stream(), pending.text() + piece.text());
                    continue;
                }
                if (pending != null) { // it waited long enough, or something else comes after it
                    send(rabbit, ExecutionEvent.of(key, new OutputChunk(seq++, pending.stream(), pending.text())));
                    pending = null;
                }
                if (event instanceof Piece piece) {
                    pending = piece;
                    pendingSince = System.nanoTime();
                } else if (event instanceof TestResult test) {
                    send(rabbit, ExecutionEvent.of(key, test));
                } else if (event instanceof ExecutionResult result) {
                    send(rabbit, ExecutionEvent.of(key, result));
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("execution {}: stopped announcing its events", key);
        }
    }

    private static void send(RabbitOperations rabbit, ExecutionEvent event) {
        rabbit.convertAndSend(QueueTopology.RESULTS, "", event);
    }

    private record Piece(OutputChunk.Stream stream, String text) {}

    private enum Stop {
        STOP
    }
}
