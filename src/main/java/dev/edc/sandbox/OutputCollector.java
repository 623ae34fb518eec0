package dev.edc.sandbox;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Collects a sandbox's attached stdout and stderr as bytes, under a cap.
 *
 * <p>The runner opens stdout with a header, {@code "\0EDC-COMPILE <status> <length>\n"} and the
 * compiler's messages, written before any user code runs: its arrival starts the program's clock.
 * The runner's init closes stdout with a trailer, {@code "\0EDC-EXIT <token> <code> <peak bytes> <oom kills>\n"},
 * and stderr with {@code "\0EDC-END <token>\n"}, written after every process of the program is dead:
 * once both are in, the run is over, without waiting for the engine to tear the container down
 * (tens of milliseconds). The token is the container's own, given on its stdin before the
 * program exists, so a program that prints a lookalike report neither ends its run early nor
 * changes its result. What lies between header and report is the program's.
 * Frames are copied as they come (docker-java reuses its buffer) and decoded as UTF-8 once, at the end.
 * Past the cap nothing more is kept but the last bytes of stdout, where the trailer of a run
 * stopped at its cap still arrives.
 */
class OutputCollector extends ResultCallback.Adapter<Frame> {

    private static final byte[] HEADER = "\0EDC-COMPILE ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] READY = "\0EDC-READY".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_READY_LINE = 40;
    private static final int TRAILER_ROOM = 96; // bytes past the cap kept so the trailer can still be read
    private static final int MAX_HEADER_LINE = 64;

    private final byte[] trailerStart;      // "\0EDC-EXIT <token> "
    private final byte[] endMark;           // "\0EDC-END <token>\n"
    private final Consumer<OutputCollector> onCapExceeded;
    private long cap = Long.MAX_VALUE / 2; // set per job by limitTo: a warm container exists before its job
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final ByteArrayOutputStream header = new ByteArrayOutputStream();
    private final CountDownLatch headerDone = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private byte[] stdoutTail = new byte[0]; // the last TRAILER_ROOM bytes of stdout, kept or not
    private long stdoutSeen;                 // stdout bytes received after the header, kept or not
    private byte[] stderrTail = new byte[0]; // the last TRAILER_ROOM bytes of stderr, kept or not
    private Trailer trailer;                 // the init's report, once read
    private long trailerAt = -1;             // where it starts in stdout
    private boolean endMarked;               // the init's end mark on stderr, once read

    private long headerLength = -1;
    private final ByteArrayOutputStream readyLine = new ByteArrayOutputStream();
    private boolean readyChecked;
    private boolean ready;
    private long readyMemoryBytes = -1;
    private boolean reported;
    private boolean compiled;
    private String compileOutput = "";
    private long programStartNanos;
    private long programEndNanos;
    private boolean capExceeded;

    /**
     * @param token         the container's report token (what its init read from the first line of stdin)
     * @param onCapExceeded called once, on the attach thread, when the output passes the cap: must not block
     */
    OutputCollector(String token, Consumer<OutputCollector> onCapExceeded) {
        this.trailerStart = ("\0EDC-EXIT " + token + " ").getBytes(StandardCharsets.US_ASCII);
        this.endMark = ("\0EDC-END " + token + "\n").getBytes(StandardCharsets.US_ASCII);
        this.onCapExceeded = onCapExceeded;
    }

    /** Sets the cap on stdout+stderr, before the job's payload is given. */
    synchronized void limitTo(long bytes) {
        this.cap = bytes;
    }

    /** Whether the output has ended (the program is over, or the container stopped). */
    boolean ended() {
        return ended.getCount() == 0;
    }

    @Override
    public synchronized void onNext(Frame frame) {
        byte[] bytes = frame.getPayload();
        if (bytes == null) {
            return;
        }
        if (frame.getStreamType() == StreamType.STDOUT && headerDone.getCount() > 0) {
            int used = readHeader(bytes);
            if (used < bytes.length) {
                keep(stdout, bytes, used);
            }
        } else if (frame.getStreamType() == StreamType.STDOUT) {
            keep(stdout, bytes, 0);
        } else if (frame.getStreamType() == StreamType.STDERR) {
            keep(stderr, bytes, readReady(bytes));
        }
        if (trailer != null && endMarked && ended.getCount() > 0) {
            finish(); // the report is in: the program and all its processes are gone
        }
    }

    /**
     * A runner opens stderr with {@code "\0EDC-READY <bytes in use>\n"} once it waits for its job (a
     * warm one after warming up), before any user code can write: it is taken off, the container
     * marked ready and its memory use kept.
     */
    private int readReady(byte[] bytes) {
        int i = 0;
        while (!readyChecked && i < bytes.length) {
            byte b = bytes[i++];
            int seen = readyLine.size();
            boolean fits = seen < READY.length ? b == READY[seen]
                    : seen < MAX_READY_LINE && (b == ' ' || b == '-' || b == '\n' || (b >= '0' && b <= '9'));
            if (!fits) { // not the marker: what looked like its start is the runner's own output
                readyChecked = true;
                stderr.writeBytes(readyLine.toByteArray());
                return i - 1;
            }
            if (b == '\n') {
                readyChecked = true;
                ready = true;
                readyMemoryBytes = parseLong(readyLine.toString(StandardCharsets.US_ASCII).substring(READY.length).trim());
                return i;
            }
            readyLine.write(b);
        }
        return i;
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The memory the container used when its runner became ready, as the runner read it from its cgroup; -1 if unknown. */
    synchronized long readyMemoryBytes() {
        return readyMemoryBytes;
    }

    /** Whether the runner waits for its job: a warm container that has finished warming up. */
    synchronized boolean ready() {
        return ready;
    }

    @Override
    public void onComplete() {
        finish();
        super.onComplete();
    }

    @Override
    public void onError(Throwable throwable) {
        finish();
        super.onError(throwable);
    }

    private void finish() {
        synchronized (this) {
            programEndNanos = programEndNanos != 0 ? programEndNanos : System.nanoTime();
        }
        headerDone.countDown();
        ended.countDown();
    }

    /** Waits until the runner reported its preparation, or the stream ended. */
    boolean awaitHeader(long timeoutMs) throws InterruptedException {
        return headerDone.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /**
     * Waits until the output ends (the init's report is in, or the container closed it), leaving the stream open on timeout:
     * unlike {@code awaitCompletion(timeout)}, which closes it and so loses what comes after.
     */
    boolean awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
        boolean end = ended.await(timeout, unit);
        throwFirstError(); // a broken stream is the sandbox's failure, as awaitCompletion reports it
        return end;
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

    synchronized String compileOutput() {
        return compileOutput;
    }

    /** The program's output with the trailer taken off, cut to the cap at a character boundary. */
    synchronized Output output() {
        byte[] out = stdout.toByteArray();
        byte[] err = stderr.toByteArray();
        if (trailer != null && trailerAt < out.length) {
            out = Arrays.copyOf(out, (int) trailerAt);
        }
        int mark = endMarked ? lastIndexOf(err, endMark) : -1;
        if (mark >= 0) {
            err = Arrays.copyOf(err, mark);
        }
        boolean cut = capExceeded || out.length + err.length > cap;
        if (cut) {
            int keepOut = (int) Math.min(out.length, cap);
            out = Arrays.copyOf(out, characterBoundary(out, keepOut));
            err = Arrays.copyOf(err, characterBoundary(err, (int) Math.min(err.length, cap - keepOut)));
        }
        return new Output(new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8), cut, trailer);
    }

    /** The largest length up to {@code length} that does not split a UTF-8 sequence (a cut never adds a U+FFFD). */
    static int characterBoundary(byte[] bytes, int length) {
        if (length >= bytes.length) {
            return length;
        }
        int end = length;
        // bytes[end] is the first byte left out: if it continues a sequence, leave out the sequence's start too.
        while (end > 0 && length - end < 3 && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return (bytes[end] & 0xC0) == 0x80 ? length : end;
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
        if (stream == stdout) {
            stdoutSeen += bytes.length - from;
            stdoutTail = tail(stdoutTail, bytes, from);
            readTrailer();
        } else {
            stderrTail = tail(stderrTail, bytes, from);
            endMarked = endMarked || endsWith(stderrTail, endMark);
        }
        if (capExceeded) {
            return;
        }
        long room = cap + TRAILER_ROOM - stdout.size() - stderr.size();
        int take = (int) Math.min(bytes.length - from, Math.max(room, 0));
        stream.write(bytes, from, take);
        if (take < bytes.length - from) {
            capExceeded = true;
            onCapExceeded.accept(this);
        }
    }

    /** The last TRAILER_ROOM bytes of a stream, given its previous tail and new bytes. */
    private static byte[] tail(byte[] previous, byte[] bytes, int from) {
        int length = bytes.length - from;
        int fromOld = Math.max(0, previous.length + length - TRAILER_ROOM);
        byte[] tail = new byte[Math.min(TRAILER_ROOM, previous.length + length)];
        int old = Math.max(0, previous.length - fromOld);
        System.arraycopy(previous, previous.length - old, tail, 0, old);
        System.arraycopy(bytes, bytes.length - (tail.length - old), tail, old, tail.length - old);
        return tail;
    }

    /** Reads the init's report once a whole line of it is in stdout's tail. */
    private void readTrailer() {
        byte[] tail = stdoutTail;
        if (trailer != null || tail.length == 0 || tail[tail.length - 1] != '\n') {
            return;
        }
        int at = lastIndexOf(tail, trailerStart);
        if (at >= 0) {
            trailer = Trailer.parse(new String(tail, at + trailerStart.length, tail.length - at - trailerStart.length - 1,
                    StandardCharsets.US_ASCII));
            trailerAt = stdoutSeen - (tail.length - at);
        }
    }

    private static boolean endsWith(byte[] bytes, byte[] suffix) {
        return bytes.length >= suffix.length
                && Arrays.equals(bytes, bytes.length - suffix.length, bytes.length, suffix, 0, suffix.length);
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
