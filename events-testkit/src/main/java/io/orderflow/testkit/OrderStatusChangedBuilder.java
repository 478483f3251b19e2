package io.orderflow.testkit;

import io.orderflow.events.Money;
import io.orderflow.events.OrderCreated;
import io.orderflow.events.OrderSnapshot;
import io.orderflow.events.OrderStatus;
import io.orderflow.events.OrderStatusChanged;
import io.orderflow.events.RefundSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Test data builder of order-service's OrderStatusChanged: an order's first transition (version 2) from PENDING,
 * now, for reason {@code TEST}, with no cause and no notify URL; its snapshot in the new status, nothing refunded, no
 * refunds, unpaid; set what the test is about.
 */
public final class OrderStatusChangedBuilder {

    private final String orderId;
    private final OrderStatus to;
    private String shopId;
    private String shopOrderNo;
    private long version = 2;
    private OrderStatus from = OrderStatus.PENDING;
    private String reason = "TEST";
    private String causationId;
    private Instant occurredAt;
    private Money amount;
    private long refundedFen;
    private String transactionId;
    private Instant paidAt;
    private Instant expireAt;
    private List<RefundSnapshot> refunds = List.of();
    private String notifyUrl;

    private OrderStatusChangedBuilder(String orderId, OrderStatus to) {
        this.orderId = orderId;
        this.to = to;
    }

    /** The order's change to {@code to}: its shop, shop order number, amount and expiry. */
    public static OrderStatusChangedBuilder changed(OrderCreated order, OrderStatus to) {
        OrderStatusChangedBuilder builder = new OrderStatusChangedBuilder(order.orderId(), to);
        builder.shopId = order.shopId();
        builder.shopOrderNo = order.shopOrderNo();
        builder.amount = order.amount();
        builder.expireAt = order.expireAt();
        return builder;
    }

    /** The change to {@code to} of an order of shop {@code shop-1}, {@code SO-<orderId>}, 1 yuan, expiring in an hour. */
    public static OrderStatusChangedBuilder changed(String orderId, OrderStatus to) {
        OrderStatusChangedBuilder builder = new OrderStatusChangedBuilder(orderId, to);
        builder.shopId = "shop-1";
        builder.shopOrderNo = "SO-" + orderId;
        builder.amount = Money.cny(100);
        builder.expireAt = Instant.now().plus(Duration.ofHours(1));
        return builder;
    }

    /** The same change, to change a field. */
    public static OrderStatusChangedBuilder from(OrderStatusChanged changed) {
        OrderStatusChangedBuilder builder = new OrderStatusChangedBuilder(changed.orderId(), changed.to());
        builder.shopId = changed.shopId();
        builder.shopOrderNo = changed.shopOrderNo();
        builder.version = changed.version();
        builder.from = changed.from();
        builder.reason = changed.reason();
        builder.causationId = changed.causationId();
        builder.occurredAt = changed.occurredAt();
        OrderSnapshot order = changed.order();
        builder.amount = order.amount();
        builder.refundedFen = order.refundedAmount().fen();
        builder.transactionId = order.transactionId();
        builder.paidAt = order.paidAt();
        builder.expireAt = order.expireAt();
        builder.refunds = order.refunds();
        builder.notifyUrl = changed.notifyUrl();
        return builder;
    }

    public OrderStatusChangedBuilder withShopId(String value) {
        shopId = value;
        return this;
    }

    public OrderStatusChangedBuilder withVersion(long value) {
        version = value;
        return this;
    }

    /** The status before; null for none. */
    public OrderStatusChangedBuilder withFrom(OrderStatus value) {
        from = value;
        return this;
    }

    public OrderStatusChangedBuilder withReason(String value) {
        reason = value;
        return this;
    }

    public OrderStatusChangedBuilder withCausationId(String value) {
        causationId = value;
        return this;
    }

    /** When it changed; now (when built) unless set. */
    public OrderStatusChangedBuilder withOccurredAt(Instant value) {
        occurredAt = value;
        return this;
    }

    /** The total the snapshot shows, in fen, CNY. */
    public OrderStatusChangedBuilder withFen(long value) {
        amount = Money.cny(value);
        return this;
    }

    public OrderStatusChangedBuilder withRefundedFen(long value) {
        refundedFen = value;
        return this;
    }

    /** Paid at WeChat: the transaction id and the payment time (both null: unpaid). */
    public OrderStatusChangedBuilder withPaid(String transaction, Instant at) {
        transactionId = transaction;
        paidAt = at;
        return this;
    }

    public OrderStatusChangedBuilder withExpireAt(Instant value) {
        expireAt = value;
        return this;
    }

    public OrderStatusChangedBuilder withRefunds(List<RefundSnapshot> value) {
        refunds = value;
        return this;
    }

    /** The order's own notify URL (the shop's webhook for this order alone). */
    public OrderStatusChangedBuilder withNotifyUrl(String value) {
        notifyUrl = value;
        return this;
    }

    public OrderStatusChanged build() {
        return new OrderStatusChanged(
                orderId,
                shopId,
                shopOrderNo,
                version,
                from,
                to,
                reason,
                causationId,
                occurredAt == null ? Instant.now() : occurredAt,
                new OrderSnapshot(to, amount, Money.cny(refundedFen), transactionId, paidAt, expireAt, refunds),
                notifyUrl);
    }
}
