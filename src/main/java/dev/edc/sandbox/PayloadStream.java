package dev.edc.sandbox;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;

/**
 * The stdin of a started container: serves a preamble at once (the init's report token), then
 * blocks until the job's payload is given, serves it, and ends. A warm container is attached and
 * started with this stream long before its job exists.
 */
class PayloadStream extends InputStream {

    private final ByteArrayInputStream preamble;
    private final CountDownLatch given = new CountDownLatch(1);
    private volatile ByteArrayInputStream payload = new ByteArrayInputStream(new byte[0]);

    PayloadStream(byte[] preamble) {
        this.preamble = new ByteArrayInputStream(preamble);
    }

    /** Gives the payload; the container's runner starts reading it at once. */
    void give(byte[] bytes) {
        payload = new ByteArrayInputStream(bytes);
        given.countDown();
    }

    /** Ends the stream without a payload (the container is being discarded). */
    void abandon() {
        given.countDown();
    }

    /** Ignored: the transport closes its request streams early, and that must not end a waiting stdin. */
    @Override
    public void close() {
    }

    @Override
    public int read() {
        if (preamble.available() > 0) {
            return preamble.read();
        }
        awaitPayload();
        return payload.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (preamble.available() > 0) {
            return preamble.read(buffer, offset, length);
        }
        awaitPayload();
        return payload.read(buffer, offset, length);
    }

    private void awaitPayload() {
        try {
            given.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
