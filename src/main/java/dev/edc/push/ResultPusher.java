package dev.edc.push;

import dev.edc.Roles;
import dev.edc.execution.ExecutionEvent;
import dev.edc.execution.ResultWaiters;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/**
 * Receives every event of every execution through this node's fanout queue and pushes it to this
 * node's STOMP subscribers of that execution: progress on its status topic, output on its output
 * topic, test verdicts on its tests topic, the result on its result topic. Requests waiting for the
 * result on this node are completed too. One consumer: events reach subscribers in the order they
 * were announced. A change of the record (a status, the result) is then published in this node as
 * an {@link ExecutionEvent} application event, for whoever else follows executions here, such as
 * the admin page's feed.
 */
@Component
@Profile(Roles.API)
class ResultPusher {

    private final SimpMessagingTemplate broker;
    private final ResultMessages messages;
    private final ResultWaiters waiters;
    private final ApplicationEventPublisher publisher;

    ResultPusher(
            SimpMessagingTemplate broker,
            ResultMessages messages,
            ResultWaiters waiters,
            ApplicationEventPublisher publisher) {
        this.broker = broker;
        this.messages = messages;
        this.waiters = waiters;
        this.publisher = publisher;
    }

    @RabbitListener(id = "results", queues = "#{nodeResultsQueue.name}")
    void onEvent(ExecutionEvent event) {
        if (event.output() != null) {
            broker.send(messages.forTopic(Topics.Kind.OUTPUT, event.key(), event.output()));
        } else if (event.test() != null) {
            broker.send(messages.forTopic(Topics.Kind.TESTS, event.key(), event.test()));
        } else if (event.record().isFinal()) {
            broker.send(messages.forResult(event.key(), event.record()));
            waiters.complete(event.key(), event.record());
            publisher.publishEvent(event);
        } else {
            broker.send(messages.forStatus(event.key(), event.record()));
            publisher.publishEvent(event);
        }
    }
}
