package dev.edc.sandbox;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one container's init reports, frame by frame: whether it is ready, then its job's
 * compilation, each run's output and end, and the container's peak memory. Output is capped here
 * again (the init caps it first), so that nothing larger than the caps is ever kept.
 */
class RunRecorder {

    private static final Logger log = LoggerFactory.getLogger(RunRecorder.class);

    private final String container;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile long readyMemoryBytes = -1;
    private SandboxJob job;
    private RunListener listener = RunListener.NONE;
    private SandboxOutcome.Compilation compilation;
    private final List<SandboxOutcome.Run> runs = new ArrayList<>();
    private CaseOutput output;
    private Long peakMemoryBytes;
    private String error;
    private boolean exited;
    private volatile boolean ended;

    RunRecorder(String container) {
        this.container = container;
    }

    /** Takes the job's caps and listener: before its payload is given, so no frame of it is missed. */
    synchronized void prepare(SandboxJob job, RunListener listener) {
        this.job = job;
        this.listener = listener;
    }

    synchronized void frame(InitFrame frame) {
        switch (frame.type()) {
            case "ready" -> {
                readyMemoryBytes = frame.number("memory");
                ready.countDown();
            }
            case "compile" -> compiled(frame);
            case "start" -> output = new CaseOutput(frame.caseIndex());
            case "out", "err" -> output(frame);
            case "end" -> endRun(frame);
            case "exit" -> {
                exited = true;
                peakMemoryBytes = frame.number("peak") >= 0 ? frame.number("peak") : null;
                done.countDown();
            }
            case "error" -> {
                error = frame.text();
                done.countDown();
            }
            default -> log.debug("sandbox {}: frame {}", container, frame.type());
        }
    }

    private void compiled(InitFrame frame) {
        long cap = job == null ? 0 : job.compileOutputBytes();
        boolean truncated = frame.flag("truncated") || frame.body().length > cap;
        compilation = new SandboxOutcome.Compilation(
                !frame.flag("status"),
                Utf8.decode(cap(frame.body(), cap), truncated),
                truncated,
                frame.flag("timeout"),
                frame.flag("oom"),
                Duration.ofMillis(Math.max(0, frame.number("time"))));
    }

    private void output(InitFrame frame) {
        if (output == null || job == null) {
            return;
        }
        boolean stdout = frame.type().equals("out");
        byte[] kept = output.keep(stdout, frame.body(), job.outputBytes());
        if (kept.length > 0) {
            String text = (stdout ? output.liveOut : output.liveErr).next(kept);
            if (!text.isEmpty()) {
                listener.output(
                        output.index, stdout ? RunListener.OutputStream.STDOUT : RunListener.OutputStream.STDERR, text);
            }
        }
    }

    private void endRun(InitFrame frame) {
        CaseOutput ran =
                output != null && output.index == frame.caseIndex() ? output : new CaseOutput(frame.caseIndex());
        boolean truncated = frame.flag("truncated") || ran.truncated;
        SandboxOutcome.Run run = new SandboxOutcome.Run(
                ran.index,
                (int) frame.number("exit"),
                (int) Math.max(0, frame.number("signal")),
                Utf8.decode(ran.stdout.toByteArray(), truncated),
                Utf8.decode(ran.stderr.toByteArray(), truncated),
                truncated,
                frame.flag("timeout"),
                frame.flag("oom"),
                frame.flag("stopped"),
                Duration.ofMillis(Math.max(0, frame.number("time"))),
                Duration.ofMillis(Math.max(0, frame.number("cpu"))),
                Math.max(0, frame.number("rss")));
        runs.add(run);
        output = null;
        listener.runEnded(run);
    }

    private static byte[] cap(byte[] bytes, long cap) {
        return bytes.length <= cap ? bytes : Arrays.copyOf(bytes, (int) cap);
    }

    /** The container's stream ended: nothing more will come. */
    void ended() {
        ended = true;
        ready.countDown();
        done.countDown();
    }

    boolean hasEnded() {
        return ended;
    }

    /** Whether the runner waits for its job (a warm runner has warmed up). */
    boolean isReady() {
        return ready.getCount() == 0 && !ended;
    }

    /** Waits until the runner waits for its job (or the stream ended); false after the timeout. */
    boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The container's memory use when it became ready, as its cgroup counted it; -1 if unknown. */
    long readyMemoryBytes() {
        return readyMemoryBytes;
    }

    /** Waits until the init has reported the whole job (or the stream ended). */
    boolean awaitDone(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The facts of the job. When the worker had to kill the container itself (the init did not
     * report in time), the run under way counts as timed out.
     *
     * @throws SandboxException if the init reported a failure, or the container ended without a report
     */
    synchronized SandboxOutcome outcome(boolean killedAtDeadline) {
        if (error != null) {
            throw new SandboxException("Sandbox " + container + " failed: " + error, null);
        }
        if (!exited && !killedAtDeadline) {
            throw new SandboxException(
                    "Sandbox " + container + " ended without its report (the engine stopped it?)", null);
        }
        List<SandboxOutcome.Run> all = new ArrayList<>();
        for (SandboxOutcome.Run run : runs) {
            // stopped by the worker at its own deadline: the program ran out of time
            all.add(
                    killedAtDeadline && run.stopped()
                            ? new SandboxOutcome.Run(
                                    run.index(),
                                    run.exitCode(),
                                    run.signal(),
                                    run.stdout(),
                                    run.stderr(),
                                    run.outputTruncated(),
                                    true,
                                    run.memoryExceeded(),
                                    false,
                                    run.time(),
                                    run.cpuTime(),
                                    run.maxRssKb())
                            : run);
        }
        if (!exited && output != null) {
            all.add(new SandboxOutcome.Run(
                    output.index,
                    137,
                    9,
                    Utf8.decode(output.stdout.toByteArray(), true),
                    Utf8.decode(output.stderr.toByteArray(), true),
                    output.truncated,
                    true,
                    false,
                    false,
                    job.timeLimit(),
                    Duration.ZERO,
                    0));
        }
        SandboxOutcome.Compilation compiled = compilation;
        if (!exited && output == null && runs.isEmpty() && job.compileCommand() != null && compiled == null) {
            compiled = new SandboxOutcome.Compilation(false, "", false, true, false, job.compileTimeout());
        }
        return new SandboxOutcome(compiled, all, peakMemoryBytes);
    }

    /** One run's output, kept under the job's cap. */
    private static final class CaseOutput {
        final int index;
        final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        final Utf8.StreamDecoder liveOut = new Utf8.StreamDecoder();
        final Utf8.StreamDecoder liveErr = new Utf8.StreamDecoder();
        boolean truncated;

        CaseOutput(int index) {
            this.index = index;
        }

        byte[] keep(boolean toStdout, byte[] bytes, long cap) {
            long room = cap - stdout.size() - stderr.size();
            int take = (int) Math.max(0, Math.min(bytes.length, room));
            if (take < bytes.length) {
                truncated = true;
            }
            byte[] kept = take == bytes.length ? bytes : Arrays.copyOf(bytes, take);
            (toStdout ? stdout : stderr).writeBytes(kept);
            return kept;
        }
    }
}
