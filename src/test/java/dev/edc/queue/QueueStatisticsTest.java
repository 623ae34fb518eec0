package dev.edc.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.edc.execution.ServiceUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.AmqpConnectException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.QueueInformation;

/** The queue's numbers are read from the broker at most once per statistics age, however often asked. */
class QueueStatisticsTest {

    private final AmqpAdmin admin = mock(AmqpAdmin.class);
    private final MutableClock clock = new MutableClock();
    private final QueueProperties properties =
            new QueueProperties("jobs", 100, Duration.ofSeconds(5), Duration.ofSeconds(2));
    private final QueueStatistics statistics = new QueueStatistics(admin, properties, clock);

    @Test
    void shouldAnswerFromTheBrokerAtMostEveryTwoSeconds() {
        when(admin.getQueueInfo("jobs")).thenReturn(new QueueInformation("jobs", 7, 4));
        when(admin.getQueueInfo("jobs.dead")).thenReturn(new QueueInformation("jobs.dead", 2, 0));

        assertThat(statistics.current()).isEqualTo(new QueueState("jobs", 7, 4, 2));
        when(admin.getQueueInfo("jobs")).thenReturn(new QueueInformation("jobs", 9, 4));
        clock.advance(Duration.ofMillis(1999));
        assertThat(statistics.current().depth()).as("cached").isEqualTo(7);
        clock.advance(Duration.ofMillis(1));
        assertThat(statistics.current().depth()).as("read again").isEqualTo(9);

        verify(admin, times(2)).getQueueInfo("jobs");
    }

    @Test
    void shouldSayWhyWhenTheBrokerCannotBeAskedAndNotAskAgainAtOnce() {
        when(admin.getQueueInfo("jobs")).thenThrow(new AmqpConnectException(new java.net.ConnectException("refused")));

        assertThatThrownBy(statistics::current)
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("RabbitMQ");
        assertThatThrownBy(statistics::current).isInstanceOf(ServiceUnavailableException.class);
        verify(admin, times(1)).getQueueInfo("jobs");
    }

    @Test
    void shouldSayThatTheJobQueueIsMissing() {
        assertThatThrownBy(statistics::current)
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessage("The job queue jobs does not exist on the broker.");
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
