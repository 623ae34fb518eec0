package dev.edc.sandbox;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.edc.Roles;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** One Docker client for the whole worker, closed on shutdown. */
@Configuration(proxyBeanMethods = false)
@Profile(Roles.WORKER)
class DockerClientConfiguration {

    @Bean(destroyMethod = "close")
    DockerClient dockerClient(SandboxProperties properties) {
        DefaultDockerClientConfig.Builder config = DefaultDockerClientConfig.createDefaultConfigBuilder();
        if (!properties.dockerHost().isBlank()) {
            config.withDockerHost(properties.dockerHost());
        }
        DefaultDockerClientConfig resolved = config.build(); // api.version stays unset: the engine's own is used
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(resolved.getDockerHost())
                .sslConfig(resolved.getSSLConfig())
                // attach, wait and kill of each running job hold a connection each
                .maxConnections(256)
                .connectionTimeout(Duration.ofSeconds(10))
                // no response timeout: it is an idle timeout, and /wait is silent until exit
                .build();
        return DockerClientImpl.getInstance(resolved, http);
    }
}
