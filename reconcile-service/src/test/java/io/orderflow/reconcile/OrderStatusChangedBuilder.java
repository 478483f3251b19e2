package io.orderflow.reconcile;

import io.orderflow.events.Money;
import io.orderflow.events.OrderCreated;
import io.orderflow.events.OrderSnapshot;
import io.orderflow.events.OrderStatus;
import io.orderflow.events.OrderStatusChanged;
import io.orderflow.events.RefundSnapshot;
import java.time.Instant;
import java.util.List;

/**
 * Test data builder of order-service's OrderStatusChanged for an order: its first transition (version 2) from
 * PENDING, nothing refunded, no refunds; set what the test is about.
 */
public final class OrderStatusChangedBuilder {

    private final OrderCreated order;
    private final OrderStatus to;
    private long version = 2;
    private String reason = "TEST";
    private Money amount;
    private long refundedFen;
    private String transactionId;
    private Instant paidAt;
    private List<RefundSnapshot> refunds = List.of();

    private OrderStatusChangedBuilder(OrderCreated order, OrderStatus to) {
        this.order = order;
        this.to = to;
        this.amount = order.amount();
    }

    /** The order's change from PENDING to {@code to}. */
    public static OrderStatusChangedBuilder changed(OrderCreated order, OrderStatus to) {
        return new OrderStatusChangedBuilder(order, to);
    }

    public OrderStatusChangedBuilder version(long value) {
        version = value;
        return this;
    }

    public OrderStatusChangedBuilder reason(String value) {
        reason = value;
        return this;
    }

    /** The total the snapshot shows, when not the order's. */
    public OrderStatusChangedBuilder fen(long value) {
        amount = Money.cny(value);
        return this;
    }

    public OrderStatusChangedBuilder refundedFen(long value) {
        refundedFen = value;
        return this;
    }

    public OrderStatusChangedBuilder paid(String transaction, Instant at) {
        transactionId = transaction;
        paidAt = at;
        return this;
    }

    public OrderStatusChangedBuilder refunds(List<RefundSnapshot> value) {
        refunds = value;
        return this;
    }

    public OrderStatusChanged build() {
        return new OrderStatusChanged(
                order.orderId(),
                order.shopId(),
                order.shopOrderNo(),
                version,
                OrderStatus.PENDING,
                to,
                reason,
                null,
                Instant.now(),
                new OrderSnapshot(to, amount, Money.cny(refundedFen), transactionId, paidAt, order.expireAt(), refunds),
                null);
    }
}
