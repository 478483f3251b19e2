package io.orderflow.systemtest;

import io.orderflow.events.EventTypes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code orderflow.order.status} as a downstream consumer would, polling back to back on a
 * thread of its own (no poll interval added to the latency), and notes when each order's SUCCESS
 * is read, with the record's timestamp (when order-service's relay produced it).
 */
final class LoadStatusWatcher implements AutoCloseable {

    private static final byte[] SUCCESS = "\"to\":\"SUCCESS\"".getBytes(StandardCharsets.UTF_8);

    private final String bootstrapServers;
    private final LoadTimeline timeline;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    LoadStatusWatcher(String bootstrapServers, LoadTimeline timeline) {
        this.bootstrapServers = bootstrapServers;
        this.timeline = timeline;
        this.thread = new Thread(this::run, "load-status-watcher");
        this.thread.setDaemon(true);
    }

    LoadStatusWatcher start() {
        thread.start();
        return this;
    }

    private void run() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "load-benchmark-" + UUID.randomUUID());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = List.of();
            while (running.get() && partitions.isEmpty()) {
                List<PartitionInfo> found;
                try {
                    found = consumer.partitionsFor(EventTypes.ORDER_STATUS_TOPIC, Duration.ofSeconds(5));
                } catch (TimeoutException e) {
                    // a broker busy with the start of every service answers late: ask again, as for a missing topic
                    continue;
                }
                partitions = found == null
                        ? List.of()
                        : found.stream()
                                .map(p -> new TopicPartition(p.topic(), p.partition()))
                                .toList();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (contains(record.value(), SUCCESS)) {
                        timeline.success(record.key(), LoadTimeline.now(), record.timestamp() * 1_000L);
                    }
                }
            }
        }
    }

    private static boolean contains(byte[] value, byte[] part) {
        outer:
        for (int i = 0; value != null && i <= value.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (value[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(10_000);
    }
}
