package dev.edc.push;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * STOMP push: {@code edc.push.*}.
 *
 * @param allowedOrigins origin patterns allowed to open {@code /ws} from a browser (web IDEs on other hosts)
 */
@ConfigurationProperties("edc.push")
record PushProperties(@DefaultValue("*") List<String> allowedOrigins) {
}
