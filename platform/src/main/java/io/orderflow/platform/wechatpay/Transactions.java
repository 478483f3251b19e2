package io.orderflow.platform.wechatpay;

import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.payments.model.TransactionAmount;
import io.orderflow.events.Money;
import io.orderflow.events.NotificationSource;
import io.orderflow.events.PaymentNotified;
import io.orderflow.events.TradeState;
import java.time.Instant;
import java.time.OffsetDateTime;

/** WeChat Pay's view of an order (a callback's resource or a query's answer) as PaymentNotified. */
public final class Transactions {

    private Transactions() {}

    /**
     * @param mchid the merchant to assume when WeChat's answer names none
     * @param notificationId WeChat's notification id for a callback, else null
     * @throws IllegalArgumentException for a trade state orderflow does not know
     */
    public static PaymentNotified paymentNotified(
            Transaction transaction,
            String mchid,
            NotificationSource source,
            String notificationId,
            Instant observedAt) {
        TransactionAmount amount = transaction.getAmount();
        if (transaction.getTradeState() == null) {
            throw new IllegalArgumentException(
                    "transaction " + transaction.getOutTradeNo() + " without a known trade_state");
        }
        return new PaymentNotified(
                transaction.getOutTradeNo(),
                transaction.getMchid() == null ? mchid : transaction.getMchid(),
                transaction.getAppid(),
                source,
                TradeState.valueOf(transaction.getTradeState().name()),
                transaction.getTradeStateDesc(),
                transaction.getTransactionId(),
                amount == null || amount.getTotal() == null
                        ? null
                        : new Money(amount.getTotal(), amount.getCurrency() == null ? "CNY" : amount.getCurrency()),
                amount == null || amount.getPayerTotal() == null
                        ? null
                        : amount.getPayerTotal().longValue(),
                transaction.getPayer() == null ? null : transaction.getPayer().getOpenid(),
                instant(transaction.getSuccessTime()),
                notificationId,
                observedAt);
    }

    /** An RFC 3339 time as WeChat writes it, or null. */
    public static Instant instant(String rfc3339) {
        return rfc3339 == null || rfc3339.isBlank()
                ? null
                : OffsetDateTime.parse(rfc3339).toInstant();
    }
}
