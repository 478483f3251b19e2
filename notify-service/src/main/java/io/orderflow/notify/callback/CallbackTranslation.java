package io.orderflow.notify.callback;

import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.payments.model.TransactionAmount;
import com.wechat.pay.java.service.refund.model.RefundNotification;
import io.orderflow.events.Money;
import io.orderflow.events.NotificationSource;
import io.orderflow.events.PaymentNotified;
import io.orderflow.events.RefundNotified;
import io.orderflow.events.RefundStatus;
import io.orderflow.events.TradeState;
import java.time.Instant;
import java.time.OffsetDateTime;

/** WeChat's decrypted resources as orderflow's events (source CALLBACK). */
final class CallbackTranslation {

    private CallbackTranslation() {
    }

    static PaymentNotified payment(String mchid, String notificationId, Transaction transaction, Instant observedAt) {
        TransactionAmount amount = transaction.getAmount();
        return new PaymentNotified(transaction.getOutTradeNo(), transaction.getMchid() == null ? mchid : transaction.getMchid(),
                transaction.getAppid(), NotificationSource.CALLBACK, tradeState(transaction),
                transaction.getTradeStateDesc(), transaction.getTransactionId(),
                amount == null || amount.getTotal() == null ? null
                        : new Money(amount.getTotal(), amount.getCurrency() == null ? "CNY" : amount.getCurrency()),
                amount == null || amount.getPayerTotal() == null ? null : amount.getPayerTotal().longValue(),
                transaction.getPayer() == null ? null : transaction.getPayer().getOpenid(),
                instant(transaction.getSuccessTime()), notificationId, observedAt);
    }

    static RefundNotified refund(String mchid, String notificationId, RefundNotification refund, Instant observedAt) {
        if (refund.getRefundStatus() == null || refund.getAmount() == null) {
            throw new CallbackRejected("MALFORMED", "refund callback without status or amount");
        }
        return new RefundNotified(refund.getOutTradeNo(), mchid, refund.getOutRefundNo(), refund.getRefundId(),
                refund.getTransactionId(), NotificationSource.CALLBACK, RefundStatus.valueOf(refund.getRefundStatus().name()),
                Money.cny(refund.getAmount().getRefund()), instant(refund.getSuccessTime()), notificationId, observedAt);
    }

    private static TradeState tradeState(Transaction transaction) {
        if (transaction.getTradeState() == null) {
            throw new CallbackRejected("MALFORMED", "transaction callback without a known trade_state");
        }
        return TradeState.valueOf(transaction.getTradeState().name());
    }

    private static Instant instant(String rfc3339) {
        return rfc3339 == null || rfc3339.isBlank() ? null : OffsetDateTime.parse(rfc3339).toInstant();
    }
}
