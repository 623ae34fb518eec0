package dev.edc.queue;

import org.springframework.amqp.rabbit.config.ContainerCustomizer;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How listeners stop (SIGTERM, context close): each container cancels its consumers at once, so the
 * broker sends this node no more jobs, then waits up to {@code edc.worker.shutdown-timeout} for the
 * jobs it runs to finish and be acknowledged. Spring AMQP's default wait is 5 s, which would hand
 * most running jobs back to the queue to be run again elsewhere.
 */
@Configuration(proxyBeanMethods = false)
class ListenerShutdown {

    @Bean
    ContainerCustomizer<SimpleMessageListenerContainer> finishRunningJobsOnShutdown(WorkerProperties worker) {
        return container -> container.setShutdownTimeout(worker.shutdownTimeout().toMillis());
    }
}
