package dev.edc.worker;

import dev.edc.Roles;
import dev.edc.execution.ControlSignals;
import dev.edc.execution.ExecutionControls;
import dev.edc.execution.ExecutionKey;
import dev.edc.sandbox.SandboxRun;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * The runs of this worker that their submitters can steer: a cancel stops one, and an
 * interactive one gets its input, in order, as it arrives (told by a signal, and looked for every
 * second in case a signal was lost).
 */
@Component
@Profile(Roles.WORKER)
public class RunningExecutions {

    private static final Logger log = LoggerFactory.getLogger(RunningExecutions.class);
    private static final Duration INPUT_POLL = Duration.ofSeconds(1);

    private final ExecutionControls controls;
    private final TaskScheduler scheduler;
    private final Map<ExecutionKey, Running> running = new ConcurrentHashMap<>();

    RunningExecutions(ExecutionControls controls, TaskScheduler scheduler) {
        this.controls = controls;
        this.scheduler = scheduler;
    }

    /** Registers a run until the returned handle is closed; a cancel sent before it started takes effect now. */
    Registration register(ExecutionKey key, SandboxRun run, boolean interactive) {
        Running entry = new Running(key, run);
        running.put(key, entry);
        if (controls.isCancelled(key)) {
            run.stop();
        }
        if (interactive) {
            entry.pullInput();
            entry.poll = scheduler.scheduleWithFixedDelay(entry::pullInput, INPUT_POLL);
        }
        return () -> {
            running.remove(key);
            if (entry.poll != null) {
                entry.poll.cancel(false);
            }
        };
    }

    /** A submitter steered an execution: if it runs here, act on it. */
    public void signal(ExecutionKey key, ControlSignals.Kind kind) {
        Running entry = running.get(key);
        if (entry == null) {
            return;
        }
        switch (kind) {
            case CANCEL -> {
                log.info("execution {}: cancelled by its submitter, stopping it", key);
                entry.run.stop();
            }
            case INPUT -> entry.pullInput();
        }
    }

    /** A run's registration, ended when the run is. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private final class Running {
        final ExecutionKey key;
        final SandboxRun run;
        volatile ScheduledFuture<?> poll;
        private int read; // input pieces given so far
        private boolean ended;

        Running(ExecutionKey key, SandboxRun run) {
            this.key = key;
            this.run = run;
        }

        synchronized void pullInput() {
            if (ended) {
                return;
            }
            try {
                List<byte[]> pieces = controls.input(key, read);
                for (byte[] piece : pieces) {
                    if (piece.length == 0) {
                        run.endInput();
                        ended = true;
                    } else {
                        run.send(piece);
                    }
                }
                read += pieces.size();
            } catch (RuntimeException e) {
                log.warn("execution {}: could not read its input ({}); tried again", key, e.getMessage());
            }
        }
    }
}
