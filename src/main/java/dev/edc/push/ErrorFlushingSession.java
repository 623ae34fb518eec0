package dev.edc.push;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * Spring's concurrent session, which sends a STOMP ERROR frame before it closes the session. The
 * STOMP handler sends the ERROR frame and closes at once; when another thread is sending at that
 * moment (the CONNECTED frame, a result), the ERROR frame waits in the buffer and the close drops
 * it, so the client never learns why it was refused. Here a protocol-error close first lets the
 * buffer drain, nudging it with a STOMP heart-beat (an empty line) in case the sending thread left
 * it just as the frame came in, for at most {@link #DRAIN}.
 */
class ErrorFlushingSession extends ConcurrentWebSocketSessionDecorator {

    static final Duration DRAIN = Duration.ofSeconds(1);
    private static final TextMessage HEART_BEAT = new TextMessage("\n");

    ErrorFlushingSession(WebSocketSession delegate, int sendTimeLimit, int bufferSizeLimit) {
        super(delegate, sendTimeLimit, bufferSizeLimit);
    }

    @Override
    public void close(CloseStatus status) throws IOException {
        if (CloseStatus.PROTOCOL_ERROR.equals(status)) {
            long deadline = System.nanoTime() + DRAIN.toNanos();
            while (getBufferSize() > 0 && isOpen() && System.nanoTime() < deadline) {
                sendMessage(HEART_BEAT);
                LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
            }
        }
        super.close(status);
    }
}
