package io.orderflow.platform.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * Reads a topic from its beginning with a plain Kafka consumer (no Spring, no header
 * mapping), as a third-party consumer would, so tests see exactly what is on the wire.
 */
public final class TopicProbe implements AutoCloseable {

    /** One record as a plain consumer sees it; header values are decoded as UTF-8. */
    public record Received(
            String topic, int partition, long offset, String key, byte[] value, Map<String, String> headers) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final List<Received> received = new ArrayList<>();

    public TopicProbe(String bootstrapServers, String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
    }

    /** Waits until the records read so far (from the topic's start) satisfy the condition. */
    public List<Received> awaitRecords(Predicate<List<Received>> condition, Duration atMost) {
        Awaitility.await("records on " + topic)
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    poll();
                    return condition.test(List.copyOf(received));
                });
        return List.copyOf(received);
    }

    /** Everything on the topic up to its end as of this call (committed records), in the order read. */
    public List<Received> readToEnd(Duration atMost) {
        poll();
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        Awaitility.await("end of " + topic)
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    poll();
                    return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
                });
        return List.copyOf(received);
    }

    /** Records whose key is the given one, in the order they were read. */
    public List<Received> awaitKey(String key, int count, Duration atMost) {
        return awaitRecords(all -> all.stream().filter(r -> key.equals(r.key())).count() >= count, atMost).stream()
                .filter(r -> key.equals(r.key()))
                .toList();
    }

    private void poll() {
        if (consumer.assignment().isEmpty()) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (partitions == null || partitions.isEmpty()) {
                return;
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
            received.add(new Received(
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    record.key(),
                    record.value(),
                    headers(record)));
        }
    }

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(
                    header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
