package dev.edc;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.rabbitmq.RabbitMQContainer;

/**
 * RabbitMQ and Redis for integration tests. Where {@code SPRING_RABBITMQ_HOST} and
 * {@code SPRING_DATA_REDIS_HOST} name running services (as {@code .ci/run} does), the tests use
 * them; otherwise Testcontainers starts them (a machine with Docker and a registry).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestServices {

    @Bean
    @ServiceConnection
    @Conditional(NoRunningServices.class)
    RabbitMQContainer rabbitContainer() {
        return new RabbitMQContainer("rabbitmq:3.13-management");
    }

    @Bean
    @ServiceConnection(name = "redis")
    @Conditional(NoRunningServices.class)
    GenericContainer<?> redisContainer() {
        return new GenericContainer<>("redis:7").withExposedPorts(6379);
    }

    static class NoRunningServices implements org.springframework.context.annotation.Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return System.getenv("SPRING_RABBITMQ_HOST") == null && System.getenv("SPRING_DATA_REDIS_HOST") == null;
        }
    }
}
