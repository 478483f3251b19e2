package io.orderflow.order.order.domain;

import io.orderflow.events.AnomalyKind;
import io.orderflow.events.PaymentNotified;

/**
 * Classifies a PaymentNotified against its order: a SUCCESS (or REFUND: paid, then refunded) counts as paid only
 * when amount, currency, mchid and appid all match; otherwise it is a mismatch of the merchant (mchid or appid) or
 * of the amount.
 */
record PaymentCheck(Trigger trigger, AnomalyKind anomaly, String detail, Long reportedFen) {

    static PaymentCheck of(OrderTerms order, PaymentNotified notified) {
        Long reported = notified.amount() == null ? null : notified.amount().fen();
        return switch (notified.tradeState()) {
            case SUCCESS -> paid(order, notified, reported, Trigger.PAID);
            case CLOSED, REVOKED -> new PaymentCheck(Trigger.CLOSED_AT_WECHAT, null, null, reported);
            // a refunded trade was paid first: the same checks as a payment
            case REFUND -> paid(order, notified, reported, Trigger.REFUND_REPORTED);
            case NOTPAY, USERPAYING, PAYERROR -> new PaymentCheck(Trigger.NOT_PAID, null, null, reported);
        };
    }

    private static PaymentCheck paid(OrderTerms order, PaymentNotified notified, Long reported, Trigger match) {
        if (!order.mchid().equals(notified.mchid()) || !order.appid().equals(notified.appid())) {
            return new PaymentCheck(
                    Trigger.PAID_MISMATCH,
                    AnomalyKind.MERCHANT_MISMATCH,
                    "paid to mchid " + notified.mchid() + " appid " + notified.appid() + ", order expects mchid "
                            + order.mchid() + " appid " + order.appid(),
                    reported);
        }
        if (notified.amount() == null || !notified.amount().equals(order.amount())) {
            return new PaymentCheck(
                    Trigger.PAID_MISMATCH,
                    AnomalyKind.AMOUNT_MISMATCH,
                    "paid " + notified.amount() + ", order total " + order.amount(),
                    reported);
        }
        return new PaymentCheck(match, null, null, reported);
    }
}
