package io.orderflow.platform;

import io.orderflow.events.Money;
import io.orderflow.events.OrderCreated;
import io.orderflow.events.OrderSnapshot;
import io.orderflow.events.OrderStatus;
import io.orderflow.events.OrderStatusChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Valid events with the fields the tests care about. */
public final class TestEvents {

    private TestEvents() {}

    public static String newOrderId() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    public static OrderCreated orderCreated(String orderId, String description) {
        Instant now = Instant.now();
        return new OrderCreated(
                orderId,
                "shop-1",
                "S-" + orderId,
                "1230000109",
                "wx2421b1c4370ec43b",
                description,
                Money.cny(100),
                "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o",
                null,
                now,
                now.plus(Duration.ofMinutes(30)));
    }

    public static OrderStatusChanged statusChanged(String orderId, long version) {
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
                orderId,
                "shop-1",
                "S-" + orderId,
                version,
                version == 1 ? null : OrderStatus.PENDING,
                OrderStatus.PENDING,
                "TEST",
                null,
                now,
                snapshot);
    }
}
