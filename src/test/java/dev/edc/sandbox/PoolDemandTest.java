package dev.edc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PoolDemandTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private final PoolDemand demand = new PoolDemand(Duration.ofSeconds(10), Duration.ofMinutes(10));

    @Test
    void shouldCountTheJobsOfTheBusiestWindow() {
        for (int i = 0; i < 30; i++) {
            demand.asked(T0.plusMillis(100L * i)); // 30 jobs within 3 s
        }
        demand.asked(T0.plusSeconds(60));

        assertThat(demand.peak(T0.plusSeconds(61))).isEqualTo(30);
    }

    @Test
    void shouldNotAddUpJobsFartherApartThanTheWindow() {
        for (int i = 0; i < 10; i++) {
            demand.asked(T0.plusSeconds(15L * i)); // one every 15 s
        }

        assertThat(demand.peak(T0.plusSeconds(150))).isEqualTo(1);
    }

    @Test
    void shouldForgetABurstOlderThanItsMemory() {
        for (int i = 0; i < 20; i++) {
            demand.asked(T0.plusMillis(10L * i));
        }
        demand.asked(T0.plusSeconds(300));

        assertThat(demand.peak(T0.plusSeconds(599))).isEqualTo(20);
        assertThat(demand.peak(T0.plusSeconds(601)))
                .as("only the later job is remembered")
                .isEqualTo(1);
        assertThat(demand.peak(T0.plusSeconds(901))).isZero();
    }
}
