package io.orderflow.notify.webhook;

import io.orderflow.events.EventType;
import io.orderflow.events.EventTypes;
import io.orderflow.events.Money;
import io.orderflow.events.OrderSnapshot;
import io.orderflow.events.OrderStatus;
import io.orderflow.events.OrderStatusChanged;
import io.orderflow.events.OrderflowEvent;
import io.orderflow.events.WebhookEndpointChanged;
import io.orderflow.platform.messaging.EventCodec;
import io.orderflow.platform.test.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes order-service's events as order-service would (CloudEvents headers, keyed by subject). */
final class Events {

    private static final EventCodec CODEC = new EventCodec();
    private static KafkaProducer<String, byte[]> producer;

    private Events() {}

    static WebhookEndpointChanged endpoint(
            String endpointId, String shopId, long version, String url, List<String> types, boolean enabled) {
        return new WebhookEndpointChanged(
                endpointId, shopId, version, url, types, enabled, 1, null, null, false, Instant.now());
    }

    static OrderStatusChanged paid(String orderId, String shopId, long version) {
        return paid(orderId, shopId, version, Instant.now());
    }

    static OrderStatusChanged paid(String orderId, String shopId, long version, Instant occurredAt) {
        OrderSnapshot snapshot = new OrderSnapshot(
                OrderStatus.SUCCESS,
                Money.cny(880),
                Money.cny(0),
                "4200000000" + version,
                Instant.now(),
                Instant.now().plusSeconds(1800),
                List.of());
        return new OrderStatusChanged(
                orderId,
                shopId,
                "SO-" + orderId,
                version,
                OrderStatus.PENDING,
                OrderStatus.SUCCESS,
                "PAID",
                UUID.randomUUID().toString(),
                occurredAt,
                snapshot);
    }

    /** Publishes; answers the ce_id. */
    static String publish(OrderflowEvent event) {
        String ceId = UUID.randomUUID().toString();
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

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(
                    Map.of("bootstrap.servers", TestKafka.bootstrapServers(), "linger.ms", 0),
                    new StringSerializer(),
                    new ByteArraySerializer());
        }
        return producer;
    }
}
