package dev.edc.sandbox;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Collects a sandbox's attached stdout and stderr as bytes, under a cap.
 *
 * <p>The runner opens stdout with a header, {@code "\0EDC-COMPILE <status> <length>\n"} and the
 * compiler's messages, written before any user code runs: its arrival starts the program's clock.
 * The runner's init closes stdout with a trailer, {@code "\0EDC-EXIT <code> <peak bytes> <oom kills>\n"},
 * written after every process of the program is dead. What lies between is the program's.
 * Frames are copied as they come (docker-java reuses its buffer) and decoded as UTF-8 once, at the end.
 */
class OutputCollector extends ResultCallback.Adapter<Frame> {

    private static final byte[] HEADER = "\0EDC-COMPILE ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRAILER = "\0EDC-EXIT ".getBytes(StandardCharsets.US_ASCII);
    private static final int TRAILER_ROOM = 96; // bytes past the cap kept so the trailer can still be read
    private static final int MAX_HEADER_LINE = 64;

    private final Runnable onCapExceeded;
    private long cap = Long.MAX_VALUE / 2;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final ByteArrayOutputStream header = new ByteArrayOutputStream();
    private final CountDownLatch headerDone = new CountDownLatch(1);
    // Our own: docker-java 3.7's awaitCompletion(timeout) closes the stream whenever it returns.
    private final CountDownLatch ended = new CountDownLatch(1);
    private byte[] stdoutTail = new byte[0]; // the last bytes of stdout, where the trailer lands

    private long headerLength = -1;
    private boolean reported;
    private boolean compiled;
    private String compileOutput = "";
    private long programStartNanos;
    private long programEndNanos;
    private boolean capExceeded;

    OutputCollector(Runnable onCapExceeded) {
        this.onCapExceeded = onCapExceeded;
    }

    /** Sets the cap on stdout+stderr, before the job's payload is given. */
    synchronized void limitTo(long bytes) {
        this.cap = bytes;
    }

    /** Whether the stream has ended (the container stopped). */
    boolean ended() {
        return ended.getCount() == 0;
    }

    /** Waits until the stream ends (the container stopped), without closing it on timeout. */
    boolean awaitEnd(long timeoutMs) throws InterruptedException {
        return ended.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void onNext(Frame frame) {
        byte[] bytes = frame.getPayload();
        if (bytes == null || capExceeded) {
            return;
        }
        if (frame.getStreamType() == StreamType.STDOUT && headerDone.getCount() > 0) {
            int used = readHeader(bytes);
            if (used < bytes.length) {
                keep(stdout, bytes, used);
            }
        } else if (frame.getStreamType() == StreamType.STDOUT) {
            keep(stdout, bytes, 0);
        }
        if (frame.getStreamType() == StreamType.STDOUT && endsWithTrailer()) {
            // The init reports only once every process of the program is dead: the run is over,
            // whatever the engine still has to do to tear the container down.
            programEndNanos = System.nanoTime();
            ended.countDown();
        } else if (frame.getStreamType() == StreamType.STDERR) {
            keep(stderr, bytes, 0);
        }
    }

    @Override
    public void onComplete() {
        synchronized (this) {
            programEndNanos = programEndNanos != 0 ? programEndNanos : System.nanoTime();
        }
        headerDone.countDown();
        ended.countDown();
        super.onComplete();
    }

    @Override
    public void onError(Throwable throwable) {
        synchronized (this) {
            programEndNanos = programEndNanos != 0 ? programEndNanos : System.nanoTime();
        }
        headerDone.countDown();
        ended.countDown();
        super.onError(throwable);
    }

    /** Waits until the runner reported its preparation, or the stream ended. */
    boolean awaitHeader(long timeoutMs) throws InterruptedException {
        return headerDone.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /** Whether the runner reported the end of its preparation (successful or not). */
    synchronized boolean reported() {
        return reported;
    }

    /** Whether the program itself started. */
    synchronized boolean started() {
        return programStartNanos != 0;
    }

    synchronized long programStartNanos() {
        return programStartNanos;
    }

    /** Nanoseconds from the program's start to the end of its output, or to now if it goes on. */
    synchronized long runNanos() {
        if (programStartNanos == 0) {
            return 0;
        }
        return (programEndNanos != 0 ? programEndNanos : System.nanoTime()) - programStartNanos;
    }

    synchronized boolean compiled() {
        return compiled;
    }

    synchronized String compileOutput() {
        return compileOutput;
    }

    synchronized boolean capExceeded() {
        return capExceeded;
    }

    /** The program's output with the trailer taken off, cut to the cap. */
    synchronized Output output() {
        byte[] out = stdout.toByteArray();
        byte[] err = stderr.toByteArray();
        Trailer trailer = null;
        int at = lastIndexOf(out, TRAILER);
        if (at >= 0 && out[out.length - 1] == '\n') {
            trailer = Trailer.parse(new String(out, at + TRAILER.length, out.length - at - TRAILER.length - 1,
                    StandardCharsets.US_ASCII));
            if (trailer != null) {
                out = Arrays.copyOf(out, at);
            }
        }
        boolean cut = capExceeded || out.length + err.length > cap;
        if (cut) {
            int keepOut = (int) Math.min(out.length, cap);
            out = Arrays.copyOf(out, keepOut);
            err = Arrays.copyOf(err, (int) Math.min(err.length, cap - keepOut));
        }
        return new Output(new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8), cut, trailer);
    }

    private int readHeader(byte[] bytes) {
        int i = 0;
        if (headerLength < 0) {
            while (i < bytes.length && headerLength < 0) {
                byte b = bytes[i++];
                if (b == '\n') {
                    parseHeaderLine();
                } else {
                    header.write(b);
                    if (header.size() > MAX_HEADER_LINE || !startsLikeHeader()) {
                        // No header: the runner failed before the program could start; keep what it wrote.
                        headerDone.countDown();
                        keep(stdout, header.toByteArray(), 0);
                        header.reset();
                        return i;
                    }
                }
            }
        }
        if (headerLength >= 0) {
            int take = (int) Math.min(bytes.length - i, headerLength - header.size());
            header.write(bytes, i, take);
            i += take;
            if (header.size() == headerLength) {
                compileOutput = header.toString(StandardCharsets.UTF_8);
                reported = true;
                programStartNanos = compiled ? System.nanoTime() : 0;
                headerDone.countDown();
            }
        }
        return i;
    }

    private void parseHeaderLine() {
        String[] fields = header.toString(StandardCharsets.US_ASCII).substring(HEADER.length).split(" ");
        compiled = "0".equals(fields[0]);
        headerLength = Long.parseLong(fields[1]);
        header.reset();
    }

    private boolean startsLikeHeader() {
        byte[] seen = header.toByteArray();
        for (int j = 0; j < Math.min(seen.length, HEADER.length); j++) {
            if (seen[j] != HEADER[j]) {
                return false;
            }
        }
        return true;
    }

    private void keep(ByteArrayOutputStream stream, byte[] bytes, int from) {
        long room = cap + TRAILER_ROOM - stdout.size() - stderr.size();
        int take = (int) Math.min(bytes.length - from, Math.max(room, 0));
        stream.write(bytes, from, take);
        if (stream == stdout) {
            byte[] joined = Arrays.copyOf(stdoutTail, stdoutTail.length + take);
            System.arraycopy(bytes, from, joined, stdoutTail.length, take);
            stdoutTail = Arrays.copyOfRange(joined, Math.max(0, joined.length - MAX_HEADER_LINE), joined.length);
        }
        if (take < bytes.length - from) {
            capExceeded = true;
            onCapExceeded.run();
        }
    }

    private boolean endsWithTrailer() {
        if (stdoutTail.length == 0 || stdoutTail[stdoutTail.length - 1] != '\n') {
            return false;
        }
        byte[] tail = stdoutTail;
        int at = lastIndexOf(tail, TRAILER);
        return at >= 0 && tail[tail.length - 1] == '\n'
                && Trailer.parse(new String(tail, at + TRAILER.length, tail.length - at - TRAILER.length - 1, StandardCharsets.US_ASCII)) != null;
    }

    private static int lastIndexOf(byte[] haystack, byte[] needle) {
        for (int i = haystack.length - needle.length; i >= 0; i--) {
            int j = 0;
            while (j < needle.length && haystack[i + j] == needle[j]) {
                j++;
            }
            if (j == needle.length) {
                return i;
            }
        }
        return -1;
    }

    record Output(String stdout, String stderr, boolean cut, Trailer trailer) {
    }

    /** The init's report: exit code, peak memory in bytes (-1 if unknown), processes OOM-killed. */
    record Trailer(int exitCode, long peakBytes, long oomKills) {

        static Trailer parse(String fields) {
            String[] f = fields.split(" ");
            if (f.length != 3) {
                return null;
            }
            try {
                return new Trailer(Integer.parseInt(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
