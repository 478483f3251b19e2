package io.orderflow.events;

import java.time.Instant;

/**
 * A refund of a paid order was accepted; payment-service submits it to WeChat Pay with the same
 * {@code out_refund_no} on every retry.
 *
 * @param orderId order id ({@code out_trade_no}); required
 * @param mchid WeChat Pay merchant id of the order; required
 * @param outRefundNo the refund's idempotency key at WeChat (the shop's, or generated for automatic
 *     refunds); at most 64 characters; required
 * @param transactionId WeChat's transaction id of the paid order; null when not known yet
 * @param refund amount to refund, in fen; at most the order total minus refunded and in-flight refunds; required
 * @param orderTotal the order's total, in fen, as WeChat requires it on refund; required
 * @param reason refund reason shown to the payer (at most 80 characters); null when none was given
 * @param requestedAt instant order-service accepted the refund; required
 */
public record RefundRequested(
        String orderId,
        String mchid,
        String outRefundNo,
        @Nullable String transactionId,
        Money refund,
        Money orderTotal,
        @Nullable String reason,
        Instant requestedAt)
        implements OrderServiceEvent {

    public RefundRequested {
        Checks.present(orderId, "orderId");
        Checks.present(mchid, "mchid");
        Checks.present(outRefundNo, "outRefundNo");
        Checks.present(refund, "refund");
        Checks.present(orderTotal, "orderTotal");
        Checks.present(requestedAt, "requestedAt");
    }

    @Override
    public String subject() {
        return orderId;
    }
}
