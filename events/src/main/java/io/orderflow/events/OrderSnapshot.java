package io.orderflow.events;

import java.time.Instant;
import java.util.List;

/**
 * The state of an order after a transition, as carried by OrderStatusChanged.
 *
 * @param status the order's status; required
 * @param amount order total, in fen; required
 * @param refundedAmount sum of the refunds that reached SUCCESS, in fen; zero when none; required
 * @param transactionId WeChat's transaction id; null until the order is paid
 * @param paidAt instant WeChat reports the payment succeeded ({@code success_time}); null until paid
 * @param expireAt instant after which an unpaid order is closed; required
 * @param refunds the order's refunds, oldest first; empty when none; required
 */
public record OrderSnapshot(
        OrderStatus status,
        Money amount,
        Money refundedAmount,
        @Nullable String transactionId,
        @Nullable Instant paidAt,
        Instant expireAt,
        List<RefundSnapshot> refunds) {

    public OrderSnapshot {
        Checks.present(status, "status");
        Checks.present(amount, "amount");
        Checks.present(refundedAmount, "refundedAmount");
        Checks.present(expireAt, "expireAt");
        refunds = Checks.listOf(refunds, "refunds");
    }
}
