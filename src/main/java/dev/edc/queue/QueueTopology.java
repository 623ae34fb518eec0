package dev.edc.queue;

import dev.edc.Roles;
import dev.edc.worker.WorkerProperties;
import org.springframework.amqp.core.Base64UrlNamingStrategy;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerContainerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.boot.amqp.autoconfigure.SimpleRabbitListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import tools.jackson.databind.json.JsonMapper;

/**
 * RabbitMQ topology. Jobs go through the default exchange to one durable, bounded queue that every
 * worker competes for; what can never be processed is dead-lettered; what is to be tried again
 * later waits in a queue whose messages expire back into the job queue. Results (and status
 * changes) go to a fanout exchange that each API node reads through its own temporary queue.
 */
@Configuration(proxyBeanMethods = false)
class QueueTopology {

    /** Where results and status changes are announced; every API node binds its own queue to it. */
    static final String RESULTS = "edc.results";

    /** Where input and cancel signals go; every worker binds its own queue to it. */
    static final String CONTROL = "edc.control";

    @Bean
    @Primary // the one Spring Boot gives the template and the listeners
    MessageConverter jsonMessageConverter(JsonMapper json) {
        // the only types EDC's messages carry
        return new JacksonJsonMessageConverter(json, "dev.edc.execution", "dev.edc.queue", "dev.edc.webhook");
    }

    /** For the job listeners, which read a job's body themselves. */
    @Bean(RawBodyConverter.BEAN)
    MessageConverter rawBodyConverter() {
        return new RawBodyConverter();
    }

    /** The job queue ({@code edc.queue.name}); listeners name it {@code #{jobsQueue.name}}. */
    @Bean
    Queue jobsQueue(QueueProperties properties) {
        return QueueBuilder.durable(properties.name())
                .maxLength(properties.maxLength())
                .overflow(QueueBuilder.Overflow.rejectPublish) // a full queue nacks the publish: the API says 429
                .deadLetterExchange(properties.deadLetterExchange())
                .build();
    }

    /** Jobs to try again later: each expires (after edc.worker.retry-delay) back into the job queue. */
    @Bean
    Queue jobsWaitQueue(QueueProperties properties) {
        return QueueBuilder.durable(properties.waitQueue())
                .deadLetterExchange("")
                .deadLetterRoutingKey(properties.name())
                .build();
    }

    @Bean
    FanoutExchange deadLetterExchange(QueueProperties properties) {
        return new FanoutExchange(properties.deadLetterExchange());
    }

    @Bean
    Queue deadJobsQueue(QueueProperties properties) {
        return QueueBuilder.durable(properties.deadLetterQueue()).build();
    }

    /** Dead jobs to record again later (the store was down): each expires back into the dead-letter queue. */
    @Bean
    Queue deadJobsWaitQueue(QueueProperties properties) {
        return QueueBuilder.durable(properties.deadWaitQueue())
                .deadLetterExchange("")
                .deadLetterRoutingKey(properties.deadLetterQueue())
                .build();
    }

    @Bean
    Binding deadJobsBinding(Queue deadJobsQueue, FanoutExchange deadLetterExchange) {
        return BindingBuilder.bind(deadJobsQueue).to(deadLetterExchange);
    }

    @Bean
    FanoutExchange resultsExchange() {
        return new FanoutExchange(RESULTS);
    }

    /** This API node's copy of every result event; it disappears with the node. */
    @Bean
    @Profile(Roles.API)
    Queue nodeResultsQueue() {
        // Not AnonymousQueue: it asks for a leader locator that RabbitMQ before 3.12 refuses.
        String name = new Base64UrlNamingStrategy(RESULTS + ".").generateName();
        return QueueBuilder.nonDurable(name).exclusive().autoDelete().build();
    }

    @Bean
    @Profile(Roles.API)
    Binding nodeResultsBinding(Queue nodeResultsQueue, FanoutExchange resultsExchange) {
        return BindingBuilder.bind(nodeResultsQueue).to(resultsExchange);
    }

    @Bean
    FanoutExchange controlExchange() {
        return new FanoutExchange(CONTROL);
    }

    /** This worker's copy of every control signal; it disappears with the worker. */
    @Bean
    @Profile(Roles.WORKER)
    Queue workerControlQueue() {
        String name = new Base64UrlNamingStrategy(CONTROL + ".").generateName();
        return QueueBuilder.nonDurable(name).exclusive().autoDelete().build();
    }

    @Bean
    @Profile(Roles.WORKER)
    Binding workerControlBinding(Queue workerControlQueue, FanoutExchange controlExchange) {
        return BindingBuilder.bind(workerControlQueue).to(controlExchange);
    }

    /**
     * The job listeners' containers: {@code edc.worker.concurrency} consumers holding one job each.
     * Stopping (SIGTERM, context close), each cancels its consumer at once, so the broker sends this
     * node no more jobs, then waits up to {@code edc.worker.shutdown-timeout} for the jobs it runs to
     * finish and be acknowledged (Spring AMQP's default wait, 5 s, would hand most of them back to
     * be run again elsewhere).
     */
    @Bean
    @Profile(Roles.WORKER)
    SimpleRabbitListenerContainerFactory jobListenerFactory(
            SimpleRabbitListenerContainerFactoryConfigurer configurer,
            ConnectionFactory connections,
            WorkerProperties worker) {
        SimpleRabbitListenerContainerFactory factory = new SimpleRabbitListenerContainerFactory();
        configurer.configure(factory, connections);
        factory.setConcurrentConsumers(worker.concurrency());
        factory.setMaxConcurrentConsumers(worker.concurrency());
        factory.setPrefetchCount(1);
        factory.setContainerCustomizer(container ->
                container.setShutdownTimeout(worker.shutdownTimeout().toMillis()));
        return factory;
    }
}
