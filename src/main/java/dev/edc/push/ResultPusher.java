package dev.edc.push;

import dev.edc.Roles;
import dev.edc.execution.ExecutionResult;
import dev.edc.execution.ResultWaiters;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.context.annotation.Profile;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/**
 * Receives every status change and result through this node's fanout queue and pushes it to this
 * node's STOMP subscribers: progress on {@code /topic/status/{uuid}}, the result on
 * {@code /topic/result/{uuid}}. Waiting {@code ?wait=true} requests are completed too.
 */
@Component
@Profile(Roles.API)
class ResultPusher {

    private final SimpMessagingTemplate broker;
    private final ResultMessages messages;
    private final ResultWaiters waiters;

    ResultPusher(SimpMessagingTemplate broker, ResultMessages messages, ResultWaiters waiters) {
        this.broker = broker;
        this.messages = messages;
        this.waiters = waiters;
    }

    @RabbitListener(id = "results", queues = "#{nodeResultsQueue.name}")
    void onResult(ExecutionResult record) {
        if (record.isFinal()) {
            broker.send(messages.forTopic(ResultMessages.resultTopic(record.uuid()), record));
            waiters.complete(record);
        } else {
            broker.send(messages.forStatus(record));
        }
    }
}
