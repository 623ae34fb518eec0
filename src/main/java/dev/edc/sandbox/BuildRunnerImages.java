package dev.edc.sandbox;

import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * {@code java -jar edc.jar build-images}: builds the configured runner images that are missing or
 * outdated, then exits (non-zero if one cannot be built). What a worker does when it starts, without
 * RabbitMQ or Redis: for CI, image pipelines and hosts readied before they take jobs.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SandboxProperties.class)
@Import({DockerClientConfiguration.class, RunnerImages.class})
public class BuildRunnerImages {

    /** @return the process's exit code */
    public static int run(String... args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BuildRunnerImages.class)
                .web(WebApplicationType.NONE)
                .profiles("worker")
                .run(args)) {
            Map<String, String> problems = context.getBean(RunnerImages.class).prepareAll();
            problems.forEach((image, why) -> System.err.println("runner image " + image + ": " + why));
            return problems.isEmpty() ? 0 : 1;
        }
    }
}
