package io.orderflow.reconcile.query;

import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.refund.model.Refund;
import io.orderflow.events.Money;
import io.orderflow.events.NotificationSource;
import io.orderflow.events.OrderflowEvent;
import io.orderflow.events.RefundNotified;
import io.orderflow.events.RefundStatus;
import io.orderflow.platform.wechatpay.Transactions;
import io.orderflow.platform.wechatpay.WechatPayGateway;
import io.orderflow.platform.wechatpay.WechatPayRejected;
import io.orderflow.platform.wechatpay.WechatPayUnavailable;
import java.time.Clock;

/**
 * One active query at WeChat: a paid order becomes PaymentNotified (QUERY); a refund in a final state
 * (SUCCESS, CLOSED, ABNORMAL) becomes RefundNotified (QUERY). Anything else asks for the next query.
 */
class QueryCheck {

    private final WechatPayGateway wechat;
    private final Clock clock;

    QueryCheck(WechatPayGateway wechat, Clock clock) {
        this.wechat = wechat;
        this.clock = clock;
    }

    /** What was found: an event to publish and stop, stop without one (final), or query again (not final). */
    record Found(OrderflowEvent event, boolean last, String outcome) {}

    Found check(Query query) {
        try {
            return Query.PAYMENT.equals(query.kind()) ? payment(query) : refund(query);
        } catch (WechatPayRejected e) {
            return new Found(null, false, e.code());
        } catch (WechatPayUnavailable e) {
            return new Found(null, false, "UNAVAILABLE");
        }
    }

    private Found payment(Query query) {
        Transaction found = wechat.queryOrder(query.mchid(), query.orderId());
        String state = found.getTradeState() == null
                ? "UNKNOWN"
                : found.getTradeState().name();
        return switch (state) {
            case "SUCCESS", "REFUND" ->
                new Found(
                        Transactions.paymentNotified(
                                found, query.mchid(), NotificationSource.QUERY, null, clock.instant()),
                        true,
                        "PAID");
            case "CLOSED", "REVOKED" -> new Found(null, true, state);
            default -> new Found(null, false, state);
        };
    }

    private Found refund(Query query) {
        Refund found = wechat.queryRefund(query.mchid(), query.key());
        if (found.getStatus() == null || found.getStatus().name().equals("PROCESSING")) {
            return new Found(null, false, "PROCESSING");
        }
        RefundStatus status = RefundStatus.valueOf(found.getStatus().name());
        long fen = found.getAmount() == null || found.getAmount().getRefund() == null
                ? query.refundFen()
                : found.getAmount().getRefund();
        RefundNotified notified = new RefundNotified(
                query.orderId(),
                query.mchid(),
                query.key(),
                found.getRefundId(),
                found.getTransactionId(),
                NotificationSource.QUERY,
                status,
                Money.cny(fen),
                Transactions.instant(found.getSuccessTime()),
                null,
                clock.instant());
        return new Found(notified, true, status.name());
    }
}
