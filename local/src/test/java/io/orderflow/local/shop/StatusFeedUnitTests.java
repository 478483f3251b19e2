package io.orderflow.local.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

/** The demo shop reads the contract's own fixtures as a downstream consumer would receive them. */
class StatusFeedUnitTests {

    private static final String ORDER = "OF20261130101530A7K2Q9";

    private final Timeline timeline = new Timeline();
    private final StatusFeed feed = new StatusFeed(
            new DemoShopProperties(
                    "http://order",
                    "shop-1",
                    "secret",
                    "broker:9092",
                    "http://sim",
                    Duration.ofSeconds(60),
                    null,
                    null),
            timeline);

    @Test
    void buildsTheTimelineInVersionOrderAndNamesTheEventBehindEachChange() {
        feed.accept(record(
                "orderflow.order.status",
                "status-2",
                "orderflow.order.OrderStatusChanged.v1",
                fixture("orderflow.order.OrderStatusChanged.v1/paid.json")));
        feed.accept(record(
                "orderflow.order.status",
                "status-1",
                "orderflow.order.OrderStatusChanged.v1",
                fixture("orderflow.order.OrderStatusChanged.v1/created.json")));
        feed.accept(record(
                "orderflow.notify.events",
                "0b6f1c5e-2d7e-4a43-9b1c-6f3e1f9d2a10",
                "orderflow.notify.PaymentNotified.v1",
                fixture("orderflow.notify.PaymentNotified.v1/callback-success.json")));

        Timeline.OrderView order = timeline.order(ORDER);
        assertThat(order.status()).isEqualTo("SUCCESS");
        assertThat(order.totalFen()).isEqualTo(8800);
        assertThat(order.steps())
                .extracting(step -> step.change().from() + "->" + step.change().to())
                .containsExactly("null->PENDING", "PENDING->SUCCESS");
        Timeline.Step paid = order.steps().get(1);
        assertThat(paid.change().ceId()).isEqualTo("status-2");
        assertThat(paid.cause().ceType()).isEqualTo("orderflow.notify.PaymentNotified.v1");
        assertThat(paid.cause().source()).isEqualTo("CALLBACK");
    }

    @Test
    void aRedeliveredEventKeepsOneRowPerVersion() {
        byte[] created = fixture("orderflow.order.OrderStatusChanged.v1/created.json");
        feed.accept(record("orderflow.order.status", "status-1", "orderflow.order.OrderStatusChanged.v1", created));
        feed.accept(record("orderflow.order.status", "status-1", "orderflow.order.OrderStatusChanged.v1", created));
        assertThat(timeline.order(ORDER).steps()).hasSize(1);
    }

    @Test
    void skipsWhatItCannotRead() {
        feed.accept(record(
                "orderflow.order.status",
                "bad",
                "orderflow.order.OrderStatusChanged.v1",
                "{not json".getBytes(StandardCharsets.UTF_8)));
        assertThat(timeline.orders()).isEmpty();
    }

    private static ConsumerRecord<String, byte[]> record(String topic, String ceId, String ceType, byte[] payload) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(topic, 0, 0, ORDER, payload);
        record.headers().add(new RecordHeader("ce_id", ceId.getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader("ce_type", ceType.getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader("ce_time", "2026-11-30T10:17:05Z".getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static byte[] fixture(String path) {
        try (InputStream in = StatusFeedUnitTests.class.getResourceAsStream("/io/orderflow/events/fixtures/" + path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
