package io.orderflow.events;

import java.time.Instant;

/**
 * WeChat Pay reported the state of a refund: from a verified callback (notify-service, source CALLBACK) or
 * from a query (reconcile-service, source QUERY or BILL). ABNORMAL needs an operator.
 *
 * @param orderId order id ({@code out_trade_no}); required
 * @param mchid WeChat Pay merchant id as WeChat reports it; required
 * @param outRefundNo the refund's idempotency key at WeChat; required
 * @param refundId WeChat's refund id; required
 * @param transactionId WeChat's transaction id of the refunded payment; null when WeChat sent none
 * @param source how the state was learnt; CALLBACK only from notify-service; required
 * @param status WeChat's refund status; required
 * @param refund refund amount as WeChat reports it, in fen; required
 * @param successTime instant the money was returned per WeChat; null unless status is SUCCESS
 * @param notificationId WeChat's notification {@code id} of the callback; null unless source is CALLBACK
 * @param observedAt instant orderflow received the callback or the query answer; required
 */
public record RefundNotified(
        String orderId,
        String mchid,
        String outRefundNo,
        String refundId,
        @Nullable String transactionId,
        NotificationSource source,
        RefundStatus status,
        Money refund,
        @Nullable Instant successTime,
        @Nullable String notificationId,
        Instant observedAt)
        implements NotifyServiceEvent, ReconcileServiceEvent {

    public RefundNotified {
        Checks.present(orderId, "orderId");
        Checks.present(mchid, "mchid");
        Checks.present(outRefundNo, "outRefundNo");
        Checks.present(refundId, "refundId");
        Checks.present(source, "source");
        Checks.present(status, "status");
        Checks.present(refund, "refund");
        Checks.present(observedAt, "observedAt");
    }

    @Override
    public String subject() {
        return orderId;
    }
}
