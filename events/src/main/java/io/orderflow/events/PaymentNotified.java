package io.orderflow.events;

import java.time.Instant;

/**
 * WeChat Pay reported the state of an order's transaction: from a verified callback (notify-service,
 * source CALLBACK), from a query (reconcile-service, source QUERY or BILL), or from payment-service's query when
 * WeChat answered a prepay with ORDERPAID (source PREPAY). order-service checks amount,
 * mchid and appid against the order before it believes a SUCCESS.
 *
 * @param orderId order id ({@code out_trade_no}); required
 * @param mchid WeChat Pay merchant id as WeChat reports it; required
 * @param appid appid as WeChat reports it; required
 * @param source how the state was learnt; CALLBACK only from notify-service; required
 * @param tradeState WeChat's {@code trade_state}; required
 * @param tradeStateDesc WeChat's description of the trade state; null when WeChat sent none
 * @param transactionId WeChat's transaction id; null when the order was never paid
 * @param amount order total as WeChat reports it, in fen; null when WeChat reports no amount
 * @param payerTotalFen amount the payer actually paid, in fen (after coupons); null when WeChat reports none
 * @param payerOpenid payer's openid as WeChat reports it; personal data, masked in logs; null when unpaid
 * @param successTime instant the payment succeeded per WeChat; null unless tradeState is SUCCESS or REFUND
 * @param notificationId WeChat's notification {@code id} of the callback; null unless source is CALLBACK
 * @param observedAt instant orderflow received the callback or the query answer; required
 */
public record PaymentNotified(
        String orderId,
        String mchid,
        String appid,
        NotificationSource source,
        TradeState tradeState,
        @Nullable String tradeStateDesc,
        @Nullable String transactionId,
        @Nullable Money amount,
        @Nullable Long payerTotalFen,
        @Nullable String payerOpenid,
        @Nullable Instant successTime,
        @Nullable String notificationId,
        Instant observedAt)
        implements NotifyServiceEvent, ReconcileServiceEvent, PaymentServiceEvent {

    public PaymentNotified {
        Checks.present(orderId, "orderId");
        Checks.present(mchid, "mchid");
        Checks.present(appid, "appid");
        Checks.present(source, "source");
        Checks.present(tradeState, "tradeState");
        Checks.nonNegative(payerTotalFen, "payerTotalFen");
        Checks.present(observedAt, "observedAt");
    }

    @Override
    public String subject() {
        return orderId;
    }
}
