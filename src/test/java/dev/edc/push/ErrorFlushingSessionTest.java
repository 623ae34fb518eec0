package dev.edc.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

class ErrorFlushingSessionTest {

    private final List<String> wire = new CopyOnWriteArrayList<>();
    private final CountDownLatch connectedStarted = new CountDownLatch(1);
    private final CountDownLatch releaseConnected = new CountDownLatch(1);
    private final WebSocketSession socket = mock(WebSocketSession.class);
    // two threads of their own: the common pool may have one on a small machine
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    ErrorFlushingSessionTest() throws Exception {
        when(socket.isOpen()).thenReturn(true);
        when(socket.getId()).thenReturn("s1");
        doAnswer(invocation -> {
                    String text = ((WebSocketMessage<?>) invocation.getArgument(0))
                            .getPayload()
                            .toString();
                    if (text.startsWith("CONNECTED")) {
                        connectedStarted.countDown();
                        releaseConnected.await(5, TimeUnit.SECONDS); // a slow send on another thread
                    }
                    wire.add(text);
                    return null;
                })
                .when(socket)
                .sendMessage(any());
        doAnswer(invocation -> {
                    wire.add("close " + invocation.getArgument(0));
                    return null;
                })
                .when(socket)
                .close(any());
    }

    @Test
    void shouldSendTheErrorFrameBeforeClosingWhileAnotherThreadIsSending() throws Exception {
        ErrorFlushingSession session = new ErrorFlushingSession(socket, 10_000, 512 * 1024);
        CompletableFuture<Void> connected = CompletableFuture.runAsync(() -> send(session, "CONNECTED"), threads);
        assertThat(connectedStarted.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> refused = CompletableFuture.runAsync(
                () -> {
                    send(session, "ERROR");
                    try {
                        session.close(CloseStatus.PROTOCOL_ERROR);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                threads);
        // the refused side has closed, or is waiting for the buffer (its heart-beat went in after ERROR)
        await().atMost(Duration.ofSeconds(5))
                .until(() -> refused.isDone() || session.getBufferSize() > "ERROR".length());
        releaseConnected.countDown();
        connected.get(5, TimeUnit.SECONDS);
        refused.get(5, TimeUnit.SECONDS);

        assertThat(wire).first().isEqualTo("CONNECTED");
        assertThat(wire).contains("ERROR");
        assertThat(wire.indexOf("ERROR")).isLessThan(wire.indexOf("close " + CloseStatus.PROTOCOL_ERROR));
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void shouldCloseAtOnceForAnyOtherReason() throws Exception {
        ErrorFlushingSession session = new ErrorFlushingSession(socket, 10_000, 512 * 1024);

        session.close(CloseStatus.NORMAL);

        assertThat(wire).containsExactly("close " + CloseStatus.NORMAL);
    }

    private static void send(WebSocketSession session, String text) {
        try {
            session.sendMessage(new TextMessage(text));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
