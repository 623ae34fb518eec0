package dev.edc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Base of the integration tests: the whole application (API and worker in one process) on a
 * random port, against real RabbitMQ, Redis and Docker, driven over HTTP and STOMP.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "edc.webhook.secret=integration-test-secret") // webhooks on, to addresses outside only
@Import(TestServices.class)
public abstract class IntegrationTest {

    @LocalServerPort
    protected int port;

    protected EdcClient edc;

    @BeforeEach
    void connect() {
        edc = new EdcClient(port);
    }

    @AfterEach
    void disconnect() {
        edc.close();
    }
}
