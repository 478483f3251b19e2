package io.orderflow.reconcile.expiry;

import com.wechat.pay.java.service.payments.model.Transaction;
import io.orderflow.events.NotificationSource;
import io.orderflow.events.OrderflowEvent;
import io.orderflow.events.TimeoutExpired;
import io.orderflow.platform.wechatpay.Transactions;
import io.orderflow.platform.wechatpay.WechatPayGateway;
import io.orderflow.platform.wechatpay.WechatPayRejected;
import io.orderflow.platform.wechatpay.WechatPayUnavailable;
import java.time.Clock;

/**
 * What a fired timer does at WeChat (docs/adr/0007): query; SUCCESS → PaymentNotified (QUERY);
 * CLOSED → TimeoutExpired; NOTPAY → close, and 204 or ORDER_CLOSED → TimeoutExpired, any other 4xx
 * (ORDERPAID …) → query again. Transient failures and undecided states leave the timer armed.
 * TimeoutExpired is only ever built after WeChat has confirmed the order closed.
 */
class CloseProtocol {

    static final int ROUNDS = 3;

    private final WechatPayGateway wechat;
    private final Clock clock;

    CloseProtocol(WechatPayGateway wechat, Clock clock) {
        this.wechat = wechat;
        this.clock = clock;
    }

    /** The event to publish, or a reason to try again later (event null). */
    record Outcome(OrderflowEvent event, String outcome) {
        static Outcome later(String outcome) {
            return new Outcome(null, outcome);
        }
    }

    Outcome fire(Timer timer) {
        try {
            for (int round = 0; round < ROUNDS; round++) {
                Transaction found = wechat.queryOrder(timer.mchid(), timer.orderId());
                String state = found.getTradeState() == null
                        ? "UNKNOWN"
                        : found.getTradeState().name();
                switch (state) {
                    case "SUCCESS", "REFUND" -> {
                        return new Outcome(
                                Transactions.paymentNotified(
                                        found, timer.mchid(), NotificationSource.QUERY, null, clock.instant()),
                                "PAID");
                    }
                    case "CLOSED", "REVOKED" -> {
                        return closed(timer, "FOUND_CLOSED");
                    }
                    case "NOTPAY", "PAYERROR" -> {
                        Outcome closed = close(timer);
                        if (closed != null) {
                            return closed;
                        }
                    }
                    default -> {
                        return Outcome.later(state);
                    }
                }
            }
            return Outcome.later("UNSETTLED");
        } catch (WechatPayRejected e) {
            return Outcome.later(e.code());
        } catch (WechatPayUnavailable e) {
            return Outcome.later("UNAVAILABLE");
        }
    }

    /** Closes at WeChat: the outcome once confirmed, null when WeChat refused and the state must be queried again. */
    private Outcome close(Timer timer) {
        try {
            wechat.closeOrder(timer.mchid(), timer.orderId());
            return closed(timer, "CLOSED");
        } catch (WechatPayRejected e) {
            // ORDER_CLOSED: closed already (WechatPayCall.CLOSE_ORDER), as good as a 204
            return e.alreadyDone() ? closed(timer, "CLOSED") : null;
        }
    }

    private Outcome closed(Timer timer, String outcome) {
        return new Outcome(
                new TimeoutExpired(timer.orderId(), timer.mchid(), timer.expireAt(), clock.instant(), timer.reason()),
                outcome);
    }
}
