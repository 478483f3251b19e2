package io.orderflow.order.order.domain;

import io.orderflow.events.Money;
import io.orderflow.events.RefundSnapshot;
import java.time.Instant;

/**
 * A refund of an order, identified towards WeChat by the shop's {@code outRefundNo}.
 *
 * @param outRefundNo the shop's refund number, unique per merchant
 * @param amount the refunded amount
 * @param reason the shop's reason, shown to the payer; may be null
 * @param state the local status
 * @param refundId WeChat's refund id once known; may be null
 * @param requestedAt when the shop asked
 * @param successTime when WeChat completed it; may be null
 */
public record Refund(
        String outRefundNo,
        Money amount,
        String reason,
        RefundState state,
        String refundId,
        Instant requestedAt,
        Instant successTime) {

    static Refund requested(String outRefundNo, Money amount, String reason, Instant now) {
        return new Refund(outRefundNo, amount, reason, RefundState.REQUESTED, null, now, null);
    }

    Refund changedBy(RefundChange change) {
        return new Refund(
                outRefundNo,
                amount,
                reason,
                change.state(),
                change.refundId() != null ? change.refundId() : refundId,
                requestedAt,
                change.successTime() != null ? change.successTime() : successTime);
    }

    RefundSnapshot snapshot() {
        return new RefundSnapshot(outRefundNo, amount, state.published(), refundId, reason, requestedAt, successTime);
    }
}
