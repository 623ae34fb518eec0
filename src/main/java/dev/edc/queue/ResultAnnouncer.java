package dev.edc.queue;

import dev.edc.execution.ExecutionEvent;
import dev.edc.execution.ExecutionEvents;
import dev.edc.execution.ExecutionKey;
import dev.edc.execution.ExecutionResult;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;

/**
 * Announces every status change, piece of output, test verdict and result on the results fanout,
 * which every API node reads. A run's events go through one {@link RunEvents} stream, which keeps
 * their order.
 */
@Component
class ResultAnnouncer implements ExecutionEvents {

    private final RabbitTemplate rabbit;

    ResultAnnouncer(RabbitTemplate rabbit) {
        this.rabbit = rabbit;
    }

    @Override
    public void announce(ExecutionKey key, ExecutionResult record) {
        rabbit.convertAndSend(QueueTopology.RESULTS, "", ExecutionEvent.of(key, record));
    }

    @Override
    public EventStream open(ExecutionKey key) {
        return RunEvents.start(key, rabbit);
    }
}
