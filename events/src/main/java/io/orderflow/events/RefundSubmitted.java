package io.orderflow.events;

import java.time.Instant;

/**
 * WeChat Pay accepted a refund request; its final outcome arrives later as RefundNotified.
 *
 * @param orderId order id ({@code out_trade_no}); required
 * @param mchid WeChat Pay merchant id of the order; required
 * @param outRefundNo the refund's idempotency key at WeChat; required
 * @param refundId WeChat's refund id; required
 * @param status WeChat's refund status in its answer, usually PROCESSING; required
 * @param refund refunded amount as WeChat acknowledged it, in fen; required
 * @param submittedAt instant WeChat answered the refund call; required
 */
public record RefundSubmitted(
        String orderId,
        String mchid,
        String outRefundNo,
        String refundId,
        RefundStatus status,
        Money refund,
        Instant submittedAt)
        implements PaymentServiceEvent {

    public RefundSubmitted {
        Checks.present(orderId, "orderId");
        Checks.present(mchid, "mchid");
        Checks.present(outRefundNo, "outRefundNo");
        Checks.present(refundId, "refundId");
        Checks.present(status, "status");
        Checks.present(refund, "refund");
        Checks.present(submittedAt, "submittedAt");
    }

    @Override
    public String subject() {
        return orderId;
    }
}
