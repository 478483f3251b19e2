package io.orderflow.notify.callback;

import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.refund.model.RefundNotification;
import io.orderflow.events.Money;
import io.orderflow.events.NotificationSource;
import io.orderflow.events.PaymentNotified;
import io.orderflow.events.RefundNotified;
import io.orderflow.events.RefundStatus;
import io.orderflow.platform.wechatpay.Transactions;
import java.time.Instant;

/** WeChat's decrypted resources as orderflow's events (source CALLBACK). */
final class CallbackTranslation {

    private CallbackTranslation() {}

    static PaymentNotified payment(String mchid, String notificationId, Transaction transaction, Instant observedAt) {
        try {
            return Transactions.paymentNotified(
                    transaction, mchid, NotificationSource.CALLBACK, notificationId, observedAt);
        } catch (IllegalArgumentException e) {
            throw new CallbackRejected("MALFORMED", e.getMessage(), e);
        }
    }

    static RefundNotified refund(String mchid, String notificationId, RefundNotification refund, Instant observedAt) {
        if (refund.getRefundStatus() == null || refund.getAmount() == null) {
            throw new CallbackRejected("MALFORMED", "refund callback without status or amount");
        }
        return new RefundNotified(
                refund.getOutTradeNo(),
                mchid,
                refund.getOutRefundNo(),
                refund.getRefundId(),
                refund.getTransactionId(),
                NotificationSource.CALLBACK,
                RefundStatus.valueOf(refund.getRefundStatus().name()),
                Money.cny(refund.getAmount().getRefund()),
                Transactions.instant(refund.getSuccessTime()),
                notificationId,
                observedAt);
    }
}
