package dev.edc;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * EDC runs untrusted code in single-use Docker sandboxes. One jar, two roles: the {@code api}
 * profile takes requests and pushes results, the {@code worker} profile runs jobs; with no
 * profile one process does both.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class EdcApplication {

    public static void main(String[] args) {
        SpringApplication.run(EdcApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
