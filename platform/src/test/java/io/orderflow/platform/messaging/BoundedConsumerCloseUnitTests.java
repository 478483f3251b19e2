package io.orderflow.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

class BoundedConsumerCloseUnitTests {

    private static final TopicPartition PARTITION = new TopicPartition("orderflow.order.events", 0);

    /** A mock consumer that remembers how it was asked to close. */
    static final class RecordingConsumer extends MockConsumer<byte[], byte[]> {

        final List<Optional<Duration>> closeTimeouts = new ArrayList<>();

        RecordingConsumer() {
            super("earliest");
        }

        @Override
        public void close(CloseOptions options) {
            closeTimeouts.add(options.timeout());
            super.close(options);
        }
    }

    @Test
    void closeWithoutATimeoutWaitsAtMostTheBoundThenTheConsumerIsClosed() {
        RecordingConsumer mock = new RecordingConsumer();
        Consumer<byte[], byte[]> consumer = BoundedConsumerClose.bounded(mock, Duration.ofSeconds(1));

        consumer.close();

        assertThat(mock.closeTimeouts).containsExactly(Optional.of(Duration.ofSeconds(1)));
        assertThat(mock.closed()).isTrue();
    }

    @Test
    void everyOtherCallGoesToTheConsumerUnchanged() {
        RecordingConsumer mock = new RecordingConsumer();
        Consumer<byte[], byte[]> consumer = BoundedConsumerClose.bounded(mock, Duration.ofSeconds(1));
        consumer.assign(List.of(PARTITION));
        mock.updateBeginningOffsets(Map.of(PARTITION, 0L));
        mock.addRecord(new ConsumerRecord<>(PARTITION.topic(), 0, 0, new byte[] {1}, new byte[] {2}));

        var records = consumer.poll(Duration.ZERO);

        assertThat(consumer.assignment()).containsExactly(PARTITION);
        assertThat(records.count()).isEqualTo(1);
        assertThat(consumer.position(PARTITION)).isEqualTo(1);
        // a close with its own timeout is the caller's choice
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(7)));
        assertThat(mock.closeTimeouts).containsExactly(Optional.of(Duration.ofSeconds(7)));
    }

    @Test
    void theConsumersOwnExceptionsReachTheCallerUnwrapped() {
        RecordingConsumer mock = new RecordingConsumer();
        Consumer<byte[], byte[]> consumer = BoundedConsumerClose.bounded(mock, Duration.ofSeconds(1));
        consumer.assign(List.of(PARTITION));
        mock.updateBeginningOffsets(Map.of(PARTITION, 0L));

        // the listener container ends a poll this way when it stops: it must see a WakeupException, not a wrapper
        consumer.wakeup();

        assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(1))).isInstanceOf(WakeupException.class);
    }

    @Test
    void theBindingsConsumerFactoryHandsOutBoundedConsumers() {
        DefaultKafkaConsumerFactory<byte[], byte[]> factory = new DefaultKafkaConsumerFactory<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9", ConsumerConfig.GROUP_ID_CONFIG, "g"),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());

        new BoundedConsumerClose(Duration.ofSeconds(1)).configure(factory);

        try (Consumer<byte[], byte[]> consumer = factory.createConsumer()) {
            assertThat(Proxy.isProxyClass(consumer.getClass())).isTrue();
        }
    }

    @Test
    void aNegativeTimeoutIsRefused() {
        assertThatThrownBy(() -> new BoundedConsumerClose(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orderflow.messaging.close-timeout");
    }
}
