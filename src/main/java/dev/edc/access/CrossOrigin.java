package dev.edc.access;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets web IDEs on the configured origins call the API from a browser. */
@Configuration(proxyBeanMethods = false)
class CrossOrigin implements WebMvcConfigurer {

    private final AccessProperties properties;

    CrossOrigin(AccessProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/**")
                .allowedOriginPatterns(properties.allowedOrigins().toArray(String[]::new))
                .allowedMethods("GET", "POST")
                .allowedHeaders("Content-Type", KeyCheck.API_KEY_HEADER)
                .exposedHeaders("Location", "Retry-After");
    }
}
