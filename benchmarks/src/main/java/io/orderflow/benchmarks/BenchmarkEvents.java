package io.orderflow.benchmarks;

import io.orderflow.events.OrderCreated;
import io.orderflow.events.OrderStatus;
import io.orderflow.events.OrderStatusChanged;
import io.orderflow.testkit.OrderCreatedBuilder;
import io.orderflow.testkit.OrderStatusChangedBuilder;
import java.util.UUID;

/**
 * Realistic order events, each for a new order id (so keys spread over lanes and partitions), from the events'
 * test data builders (events-testkit).
 */
final class BenchmarkEvents {

    private BenchmarkEvents() {}

    static String newOrderId() {
        return "B" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    static OrderCreated orderCreated(String orderId) {
        return OrderCreatedBuilder.orderCreated(orderId)
                .withDescription("benchmark order")
                .build();
    }

    /** The order's first status event: created, PENDING, version 1. */
    static OrderStatusChanged statusChanged(String orderId) {
        return OrderStatusChangedBuilder.changed(orderId, OrderStatus.PENDING)
                .withVersion(1)
                .withFrom(null)
                .withReason("CREATED")
                .build();
    }
}
