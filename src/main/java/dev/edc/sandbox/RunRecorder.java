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
 * again (the init caps it first), so that nothing larger than the caps is ever kept. Where the init
 * cannot see the container's memory (gVisor), it comes from the container's cgroup on the host.
 */
class RunRecorder {

    /** Why a job's report may stop short of its end. */
    enum Cut {
        /** it did not: the init reported the job to its end, or the sandbox failed */
        NONE,
        /** the worker killed the container at its own deadline */
        DEADLINE,
        /**
         * the container died for memory before its report, or the kernel killed in it for memory
         * (gVisor: the whole sandbox is killed, or with systrap a stub of gVisor's, hanging the program)
         */
        MEMORY
    }

    private static final Logger log = LoggerFactory.getLogger(RunRecorder.class);

    private final String container;
    private final HostCgroup cgroup; // null: the init measures memory
    private final CountDownLatch ready = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile long readyMemoryBytes = -1;
    private SandboxJob job;
    private RunListener listener = RunListener.NONE;
    private SandboxOutcome.Compilation compilation;
    private final List<SandboxOutcome.Run> runs = new ArrayList<>();
    private CaseOutput output;
    private Long peakMemoryBytes;
    private boolean stopped;
    private String error;
    private boolean exited;
    private volatile boolean ended;
    private long givenAt; // System.nanoTime() when the job was given
    private long runStartedAt; // ...and when its run under way started

    RunRecorder(String container) {
        this(container, null);
    }

    /** @param cgroup the container's cgroup on the host, where the init cannot measure memory; else null */
    RunRecorder(String container, HostCgroup cgroup) {
        this.container = container;
        this.cgroup = cgroup;
    }

    /** Takes the job's caps and listener: before its payload is given, so no frame of it is missed. */
    synchronized void prepare(SandboxJob job, RunListener listener) {
        this.job = job;
        this.listener = listener;
        this.givenAt = System.nanoTime();
    }

    synchronized void frame(InitFrame frame) {
        switch (frame.type()) {
            case "ready" -> {
                long memory = frame.number("memory");
                readyMemoryBytes = memory < 0 && cgroup != null ? cgroup.usageBytes() : memory;
                ready.countDown();
            }
            case "compile" -> compiled(frame);
            case "start" -> {
                output = new CaseOutput(frame.caseIndex());
                runStartedAt = System.nanoTime();
            }
            case "out", "err" -> output(frame);
            case "end" -> endRun(frame);
            case "exit" -> {
                exited = true;
                stopped = frame.flag("stopped");
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

    /** Whether the init reported the job to its end, or reported that it could not run it. */
    synchronized boolean reported() {
        return exited || error != null;
    }

    /** The container's memory use when it became ready, as its cgroup counted it; -1 if unknown. */
    long readyMemoryBytes() {
        return readyMemoryBytes;
    }

    /** Waits until the init has reported the whole job (or the stream ended). */
    boolean awaitDone(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The facts of a job the init reported to its end. */
    SandboxOutcome outcome() {
        return outcome(Cut.NONE);
    }

    /**
     * The facts of the job. Where its report stops short (the worker killed the container at its
     * deadline, or it died for memory), the run under way, or the compilation, counts as stopped
     * for that reason: told to the listener too, so that a test case gets its verdict.
     *
     * @throws SandboxException if the init reported a failure, or the container ended without a report
     *                          for no reason the worker knows
     */
    synchronized SandboxOutcome outcome(Cut cut) {
        if (error != null) {
            throw new SandboxException("Sandbox " + container + " failed: " + error, null);
        }
        if (!exited && cut == Cut.NONE) {
            throw new SandboxException(
                    "Sandbox " + container + " ended without its report (the engine stopped it?)", null);
        }
        boolean deadline = cut == Cut.DEADLINE;
        List<SandboxOutcome.Run> all = new ArrayList<>();
        for (SandboxOutcome.Run run : runs) {
            // stopped by the worker at its own deadline: the program ran out of time
            all.add(deadline && run.stopped() ? timedOut(run) : run);
        }
        SandboxOutcome.Compilation compiled = compilation;
        if (!exited) {
            CaseOutput underWay = output != null ? output : cut == Cut.MEMORY ? nextRun(compiled) : null;
            if (underWay != null) {
                SandboxOutcome.Run run = cutShort(underWay, deadline);
                all.add(run);
                listener.runEnded(run);
            } else if (runs.isEmpty()
                    && compiled == null
                    && (job.compileCommand() != null || job.runCommand() == null)) {
                // cut while compiling (a warm runner compiles before its program runs)
                compiled = new SandboxOutcome.Compilation(
                        false, "", false, deadline, !deadline, deadline ? job.compileTimeout() : since(givenAt));
            }
        }
        // the worker's own stops (its deadline, a sandbox killed for memory) are no cancel
        return new SandboxOutcome(compiled, all, peakMemoryBytes(), stopped && cut == Cut.NONE);
    }

    /** The run that was about to start when the container died, if the job had one left. */
    private CaseOutput nextRun(SandboxOutcome.Compilation compiled) {
        boolean compiling = compiled == null && (job.compileCommand() != null || job.runCommand() == null);
        boolean runsLeft = runs.size() < Math.max(1, job.cases().size());
        return !compiling && (compiled == null || compiled.succeeded()) && runsLeft
                ? new CaseOutput(runs.size())
                : null;
    }

    private SandboxOutcome.Run cutShort(CaseOutput ran, boolean deadline) {
        return new SandboxOutcome.Run(
                ran.index,
                137,
                9,
                Utf8.decode(ran.stdout.toByteArray(), true),
                Utf8.decode(ran.stderr.toByteArray(), true),
                ran.truncated,
                deadline,
                !deadline,
                false,
                deadline ? job.timeLimit() : ran == output ? since(runStartedAt) : Duration.ZERO,
                Duration.ZERO,
                0);
    }

    private static SandboxOutcome.Run timedOut(SandboxOutcome.Run run) {
        return new SandboxOutcome.Run(
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
                run.maxRssKb());
    }

    /** The init's figure; where it has none, the host's (which outlives the container). */
    private Long peakMemoryBytes() {
        if (peakMemoryBytes != null || cgroup == null) {
            return peakMemoryBytes;
        }
        long peak = cgroup.peakBytes();
        return peak >= 0 ? peak : null;
    }

    private static Duration since(long nanoTime) {
        return Duration.ofNanos(Math.max(0, System.nanoTime() - nanoTime));
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
