package dev.edc.delivery;

import static dev.edc.EdcClient.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.edc.EdcClient;
import dev.edc.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The queue is bounded: past its bound the broker refuses a job and the API answers 429 with
 * Retry-After, leaving nothing behind; a job queue deleted under a running EDC is a 503, not a
 * job confirmed and dropped. An API node alone (no worker takes the jobs), on a queue of
 * its own bounded at two jobs: the shared queue keeps its bound.
 */
@ActiveProfiles("api")
@TestPropertySource(
        properties = {"edc.queue.name=" + BackpressureIT.QUEUE, "edc.queue.max-length=2", "edc.execution.result-ttl=10m"
        })
@DirtiesContext
class BackpressureIT extends IntegrationTest {

    static final String QUEUE = "edc.jobs.backpressure-it";

    @Autowired
    AmqpAdmin admin;

    @BeforeEach
    void declareTheQueue() {
        ((RabbitAdmin) admin).initialize(); // the test below deletes it
    }

    @AfterEach
    void removeTheQueue() {
        admin.deleteQueue(QUEUE);
        admin.deleteQueue(QUEUE + ".dead");
        admin.deleteExchange(QUEUE + ".dlx");
    }

    @Test
    void shouldAnswer429WithRetryAfterPastTheQueueBound() {
        admin.purgeQueue(QUEUE, false);
        for (int i = 0; i < 2; i++) {
            assertThat(submit(uniqueId("fits")).status()).isEqualTo(202);
        }
        String refused = uniqueId("refused");

        EdcClient.Response full = submit(refused);

        assertThat(full.status()).isEqualTo(429);
        assertThat(full.contentType()).startsWith("application/problem+json");
        assertThat(full.json().get("title").asString()).isEqualTo("Queue full");
        assertThat(full.json().get("detail").asString()).contains("queue is full", "nothing was queued");
        assertThat(Long.parseLong(full.header("Retry-After"))).isPositive();
        assertThat(edc.get("/executions/" + refused).status())
                .as("no record left behind")
                .isEqualTo(404);
        assertThat(admin.getQueueInfo(QUEUE).getMessageCount())
                .as("jobs held by the queue")
                .isEqualTo(2);
    }

    @Test
    void shouldAnswer503WhenTheJobQueueIsGone() {
        admin.deleteQueue(QUEUE); // deleted under a running EDC: the broker would confirm and drop a plain publish
        String uuid = uniqueId("no-queue");

        EdcClient.Response refused = submit(uuid);

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("does not exist", "nothing was queued");
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(edc.get("/executions/" + uuid).status())
                .as("no record left behind")
                .isEqualTo(404);
    }

    private EdcClient.Response submit(String uuid) {
        return edc.post(
                "/execute-code", EdcClient.json(Map.of("uuid", uuid, "language", "js", "code", "console.log(1)")));
    }
}
