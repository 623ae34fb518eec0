package dev.edc;

import dev.edc.sandbox.BuildRunnerImages;
import java.time.Clock;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * EDC runs untrusted code in single-use Docker sandboxes. One jar, two roles: the {@code api}
 * profile takes requests and pushes results, the {@code worker} profile runs jobs; with no
 * profile one process does both. {@code build-images} as first argument only builds the runner
 * images ({@link BuildRunnerImages}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class EdcApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("build-images")) {
            System.exit(BuildRunnerImages.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(EdcApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
