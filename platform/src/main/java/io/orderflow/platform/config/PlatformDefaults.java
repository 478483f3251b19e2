package io.orderflow.platform.config;

import io.orderflow.events.EventType;
import io.orderflow.events.EventTypes;
import io.orderflow.platform.outbox.OutboxBindings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds, with the lowest precedence, {@code orderflow-platform-defaults.properties} (binder
 * settings the outbox and the consumers rely on) and one output binding per topic the
 * service publishes, so the binder connects at start-up and its health is reported from
 * the first moment. Any service may override these.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String NAME = "orderflow-platform-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String service = environment.getProperty("orderflow.service");
        if (service != null) {
            environment.getPropertySources().addLast(new MapPropertySource(NAME + "-bindings", bindings(service)));
        }
        try {
            environment
                    .getPropertySources()
                    .addLast(new ResourcePropertySource(NAME, new ClassPathResource(NAME + ".properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> bindings(String service) {
        Map<String, Object> properties = new LinkedHashMap<>();
        var topics = EventTypes.all().stream()
                .filter(type -> type.service().equals(service))
                .map(EventType::topic)
                .distinct()
                .toList();
        for (String topic : topics) {
            properties.put("spring.cloud.stream.bindings." + OutboxBindings.bindingName(topic) + ".destination", topic);
        }
        properties.put(
                "spring.cloud.stream.output-bindings",
                topics.stream().map(OutboxBindings::bindingName).collect(Collectors.joining(";")));
        return properties;
    }
}
