package io.orderflow.order.support;

import io.orderflow.events.CloseReason;
import io.orderflow.events.Money;
import io.orderflow.events.NotificationSource;
import io.orderflow.events.OrderCreated;
import io.orderflow.events.PaymentNotified;
import io.orderflow.events.PaymentRequested;
import io.orderflow.events.PrepayFailed;
import io.orderflow.events.RefundNotified;
import io.orderflow.events.RefundRejected;
import io.orderflow.events.RefundStatus;
import io.orderflow.events.RefundSubmitted;
import io.orderflow.events.TimeoutExpired;
import io.orderflow.events.TradeState;
import io.orderflow.testkit.OrderCreatedBuilder;
import io.orderflow.testkit.PaymentRequestedBuilder;
import java.time.Instant;

/** The other services' events about one order, with the fields tests care about. */
public record OrderEventsFactory(String orderId) {

    /** payment-service's prepay of the order (prepay id {@code wx<orderId>}), from the events-testkit builders. */
    public PaymentRequested paymentRequested() {
        OrderCreated order = OrderCreatedBuilder.orderCreated(orderId)
                .withMchid(Shops.MCHID)
                .withAppid(Shops.APPID)
                .build();
        return PaymentRequestedBuilder.paymentRequested(order, "wx" + orderId).build();
    }

    public PrepayFailed prepayFailed() {
        return new PrepayFailed(orderId, Shops.MCHID, "PARAM_ERROR", "openid mismatch", 400, Instant.now());
    }

    public PaymentNotified paid(long fen) {
        return payment(TradeState.SUCCESS, fen, Shops.MCHID, NotificationSource.CALLBACK);
    }

    public PaymentNotified payment(TradeState state, long fen, String mchid, NotificationSource source) {
        return PaymentNotifiedBuilder.of(orderId, mchid, Shops.APPID, state, fen)
                .source(source)
                .build();
    }

    public TimeoutExpired timeoutExpired() {
        Instant now = Instant.now();
        return new TimeoutExpired(orderId, Shops.MCHID, now, now, CloseReason.EXPIRED);
    }

    public RefundSubmitted refundSubmitted(String outRefundNo, long fen) {
        return new RefundSubmitted(
                orderId,
                Shops.MCHID,
                outRefundNo,
                "5000" + outRefundNo,
                RefundStatus.PROCESSING,
                Money.cny(fen),
                Instant.now());
    }

    public RefundRejected refundRejected(String outRefundNo) {
        return new RefundRejected(
                orderId, Shops.MCHID, outRefundNo, "NOT_ENOUGH", "balance too low", 403, Instant.now());
    }

    public RefundNotified refundNotified(String outRefundNo, long fen, RefundStatus status) {
        Instant now = Instant.now();
        return new RefundNotified(
                orderId,
                Shops.MCHID,
                outRefundNo,
                "5000" + outRefundNo,
                null,
                NotificationSource.CALLBACK,
                status,
                Money.cny(fen),
                status == RefundStatus.SUCCESS ? now : null,
                null,
                now);
    }
}
