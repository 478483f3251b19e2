package io.orderflow.events;

import java.time.Instant;

/**
 * The order changed: exactly one per transition, on the public topic {@code orderflow.order.status}.
 * Consumers deduplicate on {@code ce_id} and may drop any event whose {@code version} is not above the last
 * one they applied for the order.
 *
 * @param orderId order id ({@code out_trade_no}); required
 * @param shopId id of the shop that owns the order; required
 * @param shopOrderNo the shop's own order number; required
 * @param version per-order sequence number: 1 for creation, then rising by exactly 1 per transition; required
 * @param from status before the transition; null on creation; the same as the new status when only a refund
 *     record changed
 * @param to status after the transition; required
 * @param reason stable upper-case code of what caused the transition, for example CREATED, PAID,
 *     PREPAY_FAILED, TIMEOUT_EXPIRED, REFUND_ACCEPTED (WeChat accepted the order's first refund),
 *     REFUND_UPDATED, REFUNDS_ENDED_UNPAID (every refund closed without money leaving), PAID_AFTER_CLOSE;
 *     docs/states/order.md lists them all; required
 * @param causationId {@code ce_id} of the event that caused the transition; null when a shop request caused it
 * @param occurredAt instant the transition was committed; required
 * @param order snapshot of the order after the transition; required
 * @param notifyUrl the order's own webhook URL, given by the shop at creation: notify-service delivers the order's
 *     changes there instead of to the shop's webhook endpoints; null (absent) when the order has none
 */
public record OrderStatusChanged(
        String orderId,
        String shopId,
        String shopOrderNo,
        long version,
        @Nullable OrderStatus from,
        OrderStatus to,
        String reason,
        @Nullable String causationId,
        Instant occurredAt,
        OrderSnapshot order,
        @Nullable String notifyUrl)
        implements OrderServiceEvent {

    public OrderStatusChanged {
        Checks.present(orderId, "orderId");
        Checks.present(shopId, "shopId");
        Checks.present(shopOrderNo, "shopOrderNo");
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1: " + version);
        }
        Checks.present(to, "to");
        Checks.present(reason, "reason");
        Checks.present(occurredAt, "occurredAt");
        Checks.present(order, "order");
    }

    /** A change of an order without its own webhook URL. */
    public OrderStatusChanged(
            String orderId,
            String shopId,
            String shopOrderNo,
            long version,
            OrderStatus from,
            OrderStatus to,
            String reason,
            String causationId,
            Instant occurredAt,
            OrderSnapshot order) {
        this(orderId, shopId, shopOrderNo, version, from, to, reason, causationId, occurredAt, order, null);
    }

    @Override
    public String subject() {
        return orderId;
    }
}
