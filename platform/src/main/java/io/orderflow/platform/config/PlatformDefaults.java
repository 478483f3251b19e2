package io.orderflow.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code orderflow-platform-defaults.properties} with the lowest precedence: binder
 * settings the outbox and the consumers rely on, which any service may still override.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String NAME = "orderflow-platform-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(
                    new ResourcePropertySource(NAME, new ClassPathResource(NAME + ".properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
