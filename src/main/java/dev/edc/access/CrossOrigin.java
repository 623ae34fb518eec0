package dev.edc.access;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets web IDEs on the configured origins call the API from a browser, the foreign APIs' too (their
 * key headers, and the file cache's {@code PUT} and {@code HEAD}).
 */
@Configuration(proxyBeanMethods = false)
class CrossOrigin implements WebMvcConfigurer {

    private final AccessProperties properties;
    private final ForeignApis foreignApis;

    CrossOrigin(AccessProperties properties, ObjectProvider<ForeignApi> foreignApis) {
        this.properties = properties;
        this.foreignApis = new ForeignApis(foreignApis);
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        List<String> headers = new ArrayList<>(List.of("Content-Type", KeyCheck.API_KEY_HEADER));
        headers.addAll(foreignApis.keyHeaders());
        registry.addMapping("/**")
                .allowedOriginPatterns(properties.allowedOrigins().toArray(String[]::new))
                .allowedMethods("GET", "POST", "PUT", "HEAD")
                .allowedHeaders(headers.stream().distinct().toArray(String[]::new))
                .exposedHeaders("Location", "Retry-After");
    }
}
