package dev.edc.queue;

import dev.edc.execution.ExecutionResult;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;

/** Tells every API node that an execution changed: a status while it runs, then its result. */
@Component
public class ResultAnnouncer {

    private final RabbitTemplate rabbit;

    ResultAnnouncer(RabbitTemplate rabbit) {
        this.rabbit = rabbit;
    }

    public void announce(ExecutionResult result) {
        rabbit.convertAndSend(QueueTopology.RESULTS, "", result);
    }
}
