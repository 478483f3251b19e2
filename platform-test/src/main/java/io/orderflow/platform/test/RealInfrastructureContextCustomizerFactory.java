package io.orderflow.platform.test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Points every Spring test context of a module that has platform-test on its classpath at
 * the shared real PostgreSQL and Kafka: the datasource (one database per application
 * name, or {@code orderflow.test.database}) and the Kafka binder's brokers. Properties a
 * test sets inline still win.
 */
public class RealInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
        return new RealInfrastructure();
    }

    private static final class RealInfrastructure implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            ConfigurableEnvironment environment = context.getEnvironment();
            if (!environment.getProperty("orderflow.test.real-infrastructure", Boolean.class, true)) {
                return;
            }
            Map<String, Object> properties = new HashMap<>();
            String name = environment.getProperty(
                    "orderflow.test.database", environment.getProperty("spring.application.name", "orderflow_test"));
            TestPostgres.Database database = TestPostgres.database(name);
            properties.put("spring.datasource.url", database.jdbcUrl());
            properties.put("spring.datasource.username", database.username());
            properties.put("spring.datasource.password", database.password());
            String brokers = TestKafka.bootstrapServers();
            properties.put("spring.cloud.stream.kafka.binder.brokers", brokers);
            properties.put("spring.kafka.bootstrap-servers", brokers);
            MutablePropertySources sources = environment.getPropertySources();
            MapPropertySource source = new MapPropertySource("orderflowTestInfrastructure", properties);
            if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
                sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, source);
            } else {
                sources.addFirst(source);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof RealInfrastructure;
        }

        @Override
        public int hashCode() {
            return RealInfrastructure.class.hashCode();
        }
    }
}
