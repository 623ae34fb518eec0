package dev.edc.sandbox;

import java.io.InputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The stdin of a started container, as docker-java's attach reads it: blocks until something is
 * given, serves each piece in order, and ends when closed. A warm container is attached with this
 * stream long before its job exists.
 */
class ContainerInput extends InputStream {

    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> pieces = new LinkedBlockingQueue<>();
    private byte[] current = new byte[0];
    private int at;
    private boolean ended;

    /** Queues bytes for the container; they are read in the order given. */
    void give(byte[] bytes) {
        if (bytes.length > 0) {
            pieces.add(bytes);
        }
    }

    /** Ends the stream (the container is being discarded). */
    void end() {
        pieces.add(END);
    }

    /** Ignored: the transport closes its request streams early, and that must not end a waiting stdin. */
    @Override
    public void close() {}

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        while (!ended && at == current.length) {
            try {
                current = pieces.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
            at = 0;
            ended = current == END;
        }
        if (ended) {
            return -1;
        }
        int n = Math.min(length, current.length - at);
        System.arraycopy(current, at, buffer, offset, n);
        at += n;
        return n;
    }
}
