package io.orderflow.platform.outbox;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The relay producer's configuration, from the Kafka binder's settings so that one set of properties configures
 * every connection to the broker: {@code spring.cloud.stream.kafka.binder.brokers}, {@code .required-acks} and
 * {@code .producer-properties.*} (acks=all, idempotence, in-flight requests and timeouts by default, see
 * orderflow-platform-defaults.properties).
 */
final class OutboxProducerSettings {

    private static final String BINDER = "spring.cloud.stream.kafka.binder";

    private OutboxProducerSettings() {}

    static Map<String, Object> of(Environment environment) {
        Binder binder = Binder.get(environment);
        Map<String, Object> config =
                new HashMap<>(binder.bind(BINDER + ".producer-properties", Bindable.mapOf(String.class, String.class))
                        .orElse(Map.of()));
        config.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                environment.getProperty(BINDER + ".brokers", "localhost:9092"));
        config.put(ProducerConfig.ACKS_CONFIG, environment.getProperty(BINDER + ".required-acks", "all"));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        // the relay sends a batch and then flushes: lingering would only delay the flush
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "0");
        config.putIfAbsent(
                ProducerConfig.CLIENT_ID_CONFIG,
                environment.getProperty("spring.application.name", "orderflow") + "-outbox");
        return config;
    }
}
