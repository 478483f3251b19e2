package io.orderflow.testkit;

import io.orderflow.events.EventType;
import io.orderflow.events.EventTypes;
import io.orderflow.events.OrderflowEvent;
import io.orderflow.platform.messaging.CloudEventEnvelope;
import io.orderflow.platform.messaging.EventCodec;
import io.orderflow.platform.test.TestKafka;
import io.orderflow.platform.test.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays the other services on the test broker ({@link TestKafka}): publishes their events as their outbox relays
 * do (the CloudEvents binary-mode headers of {@link CloudEventEnvelope}, the codec's JSON, keyed by subject, on the
 * type's topic, from the type's service) and reads a topic back decoded. Each publish waits for the broker's
 * acknowledgement, so events published one after another arrive in that order.
 */
public final class Broker {

    /** How long a test waits for what a service publishes. */
    public static final Duration WAIT = Duration.ofSeconds(30);

    private static final EventCodec CODEC = new EventCodec();
    private static KafkaProducer<String, byte[]> producer;

    private Broker() {}

    /** Publishes the event as its service would; returns its ce_id. */
    public static String publish(OrderflowEvent event) {
        return publish(event, UUID.randomUUID().toString());
    }

    /** Publishes with a chosen ce_id (the same id twice is a redelivery). */
    public static String publish(OrderflowEvent event, String ceId) {
        try {
            producer().send(record(event, ceId)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        return ceId;
    }

    /** Publishes the events in this order; returns their ce_ids. */
    public static List<String> publishAll(List<? extends OrderflowEvent> events) {
        return events.stream().map(Broker::publish).toList();
    }

    /** The record its service's relay would send for the event, with a new ce_id: for a producer of the test's own. */
    public static ProducerRecord<String, byte[]> record(OrderflowEvent event) {
        return record(event, UUID.randomUUID().toString());
    }

    /** The record its service's relay would send for the event. */
    public static ProducerRecord<String, byte[]> record(OrderflowEvent event, String ceId) {
        EventType<?> type = EventTypes.of(event);
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(type.topic(), event.subject(), CODEC.encode(event));
        CloudEventEnvelope.headers(new CloudEventEnvelope.Attributes(
                        ceId, type.ceType(), EventTypes.source(type.service()), event.subject(), Instant.now()))
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /** The first {@code count} events published on the topic with this key (an order id), decoded. */
    public static List<OrderflowEvent> awaitEvents(String topic, String key, int count, Duration atMost) {
        try (TopicProbe probe = probe(topic)) {
            return probe.awaitKey(key, count, atMost).stream()
                    .map(Broker::decode)
                    .toList();
        }
    }

    /** The first event published on the topic with each of these keys (order ids), read with one consumer. */
    public static Map<String, OrderflowEvent> firstEvents(String topic, List<String> keys, Duration atMost) {
        try (TopicProbe probe = probe(topic)) {
            List<TopicProbe.Received> all = probe.awaitRecords(
                    records -> keys.stream().allMatch(key -> records.stream().anyMatch(r -> key.equals(r.key()))),
                    atMost);
            Map<String, OrderflowEvent> first = new LinkedHashMap<>();
            keys.forEach(key -> all.stream()
                    .filter(r -> key.equals(r.key()))
                    .findFirst()
                    .ifPresent(r -> first.put(key, decode(r))));
            return first;
        }
    }

    /** Reads a topic from its start. */
    public static TopicProbe probe(String topic) {
        return new TopicProbe(TestKafka.bootstrapServers(), topic);
    }

    /** The record's event, as the type its ce_type names. */
    public static OrderflowEvent decode(TopicProbe.Received record) {
        return CODEC.decode(record.header("ce_type"), record.value());
    }

    /** The records' events of this type (by the type their ce_type names), decoded. */
    public static <T extends OrderflowEvent> List<T> decode(List<TopicProbe.Received> records, Class<T> type) {
        return records.stream()
                .filter(r -> r.header("ce_type").endsWith("." + type.getSimpleName() + ".v1"))
                .map(r -> type.cast(decode(r)))
                .toList();
    }

    /** Every record's event, as the type its ce_type names. */
    public static List<OrderflowEvent> decodeAll(List<TopicProbe.Received> records) {
        return records.stream().map(Broker::decode).toList();
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Map<String, Object> config = Map.of("bootstrap.servers", TestKafka.bootstrapServers(), "linger.ms", 0);
            producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }
}
