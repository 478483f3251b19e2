package io.orderflow.events;

import java.time.Instant;

/**
 * One refund of an order inside an OrderSnapshot.
 *
 * @param outRefundNo the refund's idempotency key at WeChat; required
 * @param amount amount of this refund, in fen; required
 * @param status WeChat's status of the refund; PROCESSING from request until WeChat's verdict; required
 * @param refundId WeChat's refund id; null until WeChat accepted the refund
 * @param reason refund reason shown to the payer; null when none was given
 * @param requestedAt instant order-service accepted the refund; required
 * @param successTime instant WeChat reports the money was returned; null unless status is SUCCESS
 */
public record RefundSnapshot(
        String outRefundNo,
        Money amount,
        RefundStatus status,
        @Nullable String refundId,
        @Nullable String reason,
        Instant requestedAt,
        @Nullable Instant successTime) {

    public RefundSnapshot {
        Checks.present(outRefundNo, "outRefundNo");
        Checks.present(amount, "amount");
        Checks.present(status, "status");
        Checks.present(requestedAt, "requestedAt");
    }
}
