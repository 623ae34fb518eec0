package dev.edc.operations;

import dev.edc.Roles;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@code /admin}: the admin page, static like the playground (its libraries from WebJars in the
 * jar). It holds no data: what it shows comes from the operational endpoints and the admin topic,
 * with the admin key it asks for when one is needed.
 */
@Configuration(proxyBeanMethods = false)
@Profile(Roles.API)
class AdminPage implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/admin").setViewName("forward:/admin/index.html");
        registry.addRedirectViewController("/admin/", "/admin");
    }
}
