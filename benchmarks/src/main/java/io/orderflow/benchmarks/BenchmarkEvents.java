package io.orderflow.benchmarks;

import io.orderflow.events.Money;
import io.orderflow.events.OrderCreated;
import io.orderflow.events.OrderSnapshot;
import io.orderflow.events.OrderStatus;
import io.orderflow.events.OrderStatusChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Realistic order events, each for a new order id (so keys spread over lanes and partitions). */
final class BenchmarkEvents {

    private BenchmarkEvents() {}

    static String newOrderId() {
        return "B" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    static OrderCreated orderCreated(String orderId) {
        Instant now = Instant.now();
        return new OrderCreated(
                orderId,
                "shop-1",
                "S-" + orderId,
                "1230000109",
                "wx2421b1c4370ec43b",
                "benchmark order",
                Money.cny(100),
                "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o",
                null,
                now,
                now.plus(Duration.ofMinutes(30)));
    }

    static OrderStatusChanged statusChanged(String orderId) {
        Instant now = Instant.now();
        OrderSnapshot snapshot = new OrderSnapshot(
                OrderStatus.PENDING,
                Money.cny(100),
                Money.cny(0),
                null,
                null,
                now.plus(Duration.ofMinutes(30)),
                List.of());
        return new OrderStatusChanged(
                orderId, "shop-1", "S-" + orderId, 1, null, OrderStatus.PENDING, "CREATED", null, now, snapshot);
    }
}
