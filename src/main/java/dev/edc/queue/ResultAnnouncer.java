package dev.edc.queue;

import dev.edc.execution.ExecutionEvent;
import dev.edc.execution.ExecutionEvents;
import dev.edc.execution.ExecutionKey;
import dev.edc.execution.ExecutionResult;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;

/** Announces every status change and result on the results fanout, which every API node reads. */
@Component
class ResultAnnouncer implements ExecutionEvents {

    private final RabbitTemplate rabbit;

    ResultAnnouncer(RabbitTemplate rabbit) {
        this.rabbit = rabbit;
    }

    @Override
    public void announce(ExecutionKey key, ExecutionResult record) {
        rabbit.convertAndSend(QueueTopology.RESULTS, "", new ExecutionEvent(key.owner(), record));
    }
}
