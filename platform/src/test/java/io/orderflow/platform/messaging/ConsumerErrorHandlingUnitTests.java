package io.orderflow.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;

/** What every binding's listener container gets, checked on a container that is never started. */
class ConsumerErrorHandlingUnitTests {

    private final KafkaTemplate<byte[], byte[]> deadLetters =
            new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of("bootstrap.servers", "127.0.0.1:1")));

    @Test
    void commitsOnTimeRetriesThenDeadLettersAndPollsWithTheConfiguredTimeout() {
        KafkaMessageListenerContainer<byte[], byte[]> container = container();

        new ConsumerErrorHandling(deadLetters, Duration.ofSeconds(15))
                .configure(container, "orderflow.order.events", "payment-service", (record, e) -> null, null);

        ContainerProperties properties = container.getContainerProperties();
        assertThat(properties.getAckMode()).isEqualTo(ContainerProperties.AckMode.TIME);
        assertThat(properties.getAckTime()).isEqualTo(ConsumerErrorHandling.COMMIT_INTERVAL_MS);
        assertThat(properties.getPollTimeout()).isEqualTo(15_000L);
        assertThat(container.getCommonErrorHandler()).isInstanceOf(DefaultErrorHandler.class);
    }

    @Test
    void pollsWithSpringKafkasTimeoutByDefault() {
        KafkaMessageListenerContainer<byte[], byte[]> container = container();

        new ConsumerErrorHandling(deadLetters, Duration.ofSeconds(5))
                .configure(container, "orderflow.order.events", "payment-service", null, null);

        assertThat(container.getContainerProperties().getPollTimeout())
                .isEqualTo(ContainerProperties.DEFAULT_POLL_TIMEOUT);
    }

    private static KafkaMessageListenerContainer<byte[], byte[]> container() {
        return new KafkaMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(Map.of("bootstrap.servers", "127.0.0.1:1")),
                new ContainerProperties("orderflow.order.events"));
    }
}
