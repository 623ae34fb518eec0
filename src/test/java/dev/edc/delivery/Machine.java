package dev.edc.delivery;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the tests check or clean up outside EDC: the broker the environment names
 * ({@code SPRING_RABBITMQ_*}, as {@code .ci/run} sets it) and the Docker engine.
 */
public final class Machine {

    private Machine() {}

    /** Whether RabbitMQ and Redis are named by the environment (else the tests would use Testcontainers). */
    public static boolean hasRunningServices() {
        return System.getenv("SPRING_RABBITMQ_HOST") != null && System.getenv("SPRING_DATA_REDIS_HOST") != null;
    }

    /** Removes a job queue of a test and its dead letters from the environment's broker. */
    public static void deleteJobQueue(String name) {
        try (Connection connection = broker().newConnection();
                Channel channel = connection.createChannel()) {
            channel.queueDelete(name);
            channel.queueDelete(name + ".dead");
            channel.queueDelete(name + ".wait");
            channel.queueDelete(name + ".dead.wait");
            channel.exchangeDelete(name + ".dlx");
        } catch (Exception e) {
            System.err.println("could not delete the test queue " + name + ": " + e);
        }
    }

    /** A queue as the broker counts it: messages ready, consumers. */
    static QueueCount count(String queue) {
        try (Connection connection = broker().newConnection();
                Channel channel = connection.createChannel()) {
            var declared = channel.queueDeclarePassive(queue);
            return new QueueCount(declared.getMessageCount(), declared.getConsumerCount());
        } catch (Exception e) {
            throw new IllegalStateException("could not read the queue " + queue, e);
        }
    }

    /** Puts a message straight into a queue, as the broker's dead-lettering would. */
    static void publish(String queue, String body) {
        try (Connection connection = broker().newConnection();
                Channel channel = connection.createChannel()) {
            channel.basicPublish("", queue, null, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + queue, e);
        }
    }

    record QueueCount(long messages, long consumers) {}

    private static ConnectionFactory broker() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(env("SPRING_RABBITMQ_HOST", "localhost"));
        factory.setPort(Integer.parseInt(env("SPRING_RABBITMQ_PORT", "5672")));
        factory.setUsername(env("SPRING_RABBITMQ_USERNAME", "guest"));
        factory.setPassword(env("SPRING_RABBITMQ_PASSWORD", "guest"));
        factory.setVirtualHost(env("SPRING_RABBITMQ_VIRTUAL_HOST", "/"));
        return factory;
    }

    /** Removes the sandbox containers of an execution, such as the one a killed worker left running. */
    public static void removeSandboxesOf(String uuid) {
        try {
            Process list =
                    new ProcessBuilder("docker", "ps", "-aq", "--filter", "label=dev.edc.execution=" + uuid).start();
            List<String> ids = new String(list.getInputStream().readAllBytes())
                    .lines()
                    .filter(id -> !id.isBlank())
                    .toList();
            list.waitFor(20, TimeUnit.SECONDS);
            for (String id : ids) {
                Process remove = new ProcessBuilder("docker", "rm", "-f", id)
                        .redirectErrorStream(true)
                        .start();
                remove.getInputStream().transferTo(OutputStream.nullOutputStream());
                remove.waitFor(20, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            System.err.println("could not remove the sandboxes of " + uuid + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
