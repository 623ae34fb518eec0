package dev.edc.queue;

import dev.edc.Roles;
import dev.edc.execution.ControlSignals;
import dev.edc.execution.ExecutionKey;
import dev.edc.worker.RunningExecutions;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Signals to the worker running an execution, through the {@code edc.control} fanout: every worker
 * hears them on a queue of its own, and the one running the execution acts. (What a signal says
 * is kept in the store: a lost signal delays input by at most a second, and a cancel is seen when
 * the job is taken.)
 */
@Component
class ControlSignalsOverFanout implements ControlSignals {

    private final RabbitTemplate rabbit;

    ControlSignalsOverFanout(RabbitTemplate rabbit) {
        this.rabbit = rabbit;
    }

    @Override
    public void send(ExecutionKey key, Kind kind) {
        rabbit.convertAndSend(QueueTopology.CONTROL, "", new Signal(key.owner(), key.uuid(), kind));
    }

    /** A signal on the wire. */
    record Signal(String owner, String uuid, Kind kind) {}

    /** The worker's side. */
    @Component
    @Profile(Roles.WORKER)
    static class Listener {

        private final RunningExecutions running;

        Listener(RunningExecutions running) {
            this.running = running;
        }

        @RabbitListener(id = "control", queues = "#{workerControlQueue.name}")
        void onSignal(Signal signal) {
            running.signal(
                    new ExecutionKey(signal.owner() == null ? ExecutionKey.ANONYMOUS : signal.owner(), signal.uuid()),
                    signal.kind());
        }
    }
}
