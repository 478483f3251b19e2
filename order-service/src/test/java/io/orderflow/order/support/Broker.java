package io.orderflow.order.support;

import io.orderflow.events.EventType;
import io.orderflow.events.EventTypes;
import io.orderflow.events.OrderflowEvent;
import io.orderflow.platform.messaging.EventCodec;
import io.orderflow.platform.test.TestKafka;
import io.orderflow.platform.test.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays the other services on the real broker: publishes their events with CloudEvents headers
 * (binary mode, as their outboxes do) and reads order-service's topics with a plain consumer.
 */
public final class Broker {

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
        EventType<?> type = EventTypes.of(event);
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(type.topic(), event.subject(), CODEC.encode(event));
        Map.of(
                        "ce_id",
                        ceId,
                        "ce_type",
                        type.ceType(),
                        "ce_specversion",
                        "1.0",
                        "ce_source",
                        EventTypes.source(type.service()),
                        "ce_subject",
                        event.subject(),
                        "ce_time",
                        Instant.now().toString(),
                        "content-type",
                        "application/json")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        try {
            producer().send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        return ceId;
    }

    /** Reads a topic from its start. */
    public static TopicProbe probe(String topic) {
        return new TopicProbe(TestKafka.bootstrapServers(), topic);
    }

    /** Decodes records of one order as the type their ce_type names. */
    public static <T extends OrderflowEvent> List<T> decode(List<TopicProbe.Received> records, Class<T> type) {
        return records.stream()
                .filter(r -> r.header("ce_type").endsWith("." + type.getSimpleName() + ".v1"))
                .map(r -> type.cast(CODEC.decode(r.header("ce_type"), r.value())))
                .toList();
    }

    /** Decodes every record as the type its ce_type names. */
    public static List<OrderflowEvent> decodeAll(List<TopicProbe.Received> records) {
        return records.stream()
                .map(r -> CODEC.decode(r.header("ce_type"), r.value()))
                .toList();
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Map<String, Object> config = Map.of("bootstrap.servers", TestKafka.bootstrapServers(), "linger.ms", 0);
            producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }
}
