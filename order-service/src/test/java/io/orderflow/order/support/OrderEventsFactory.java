package io.orderflow.order.support;

import io.orderflow.events.CloseReason;
import io.orderflow.events.JsapiPayParams;
import io.orderflow.events.Money;
import io.orderflow.events.NotificationSource;
import io.orderflow.events.PaymentNotified;
import io.orderflow.events.PaymentRequested;
import io.orderflow.events.PrepayFailed;
import io.orderflow.events.RefundNotified;
import io.orderflow.events.RefundRejected;
import io.orderflow.events.RefundStatus;
import io.orderflow.events.RefundSubmitted;
import io.orderflow.events.TimeoutExpired;
import io.orderflow.events.TradeState;
import java.time.Instant;

/** The other services' events about one order, with the fields tests care about. */
public record OrderEventsFactory(String orderId) {

    public PaymentRequested paymentRequested() {
        Instant now = Instant.now();
        return new PaymentRequested(
                orderId,
                Shops.MCHID,
                Shops.APPID,
                "wx" + orderId,
                new JsapiPayParams(
                        Shops.APPID,
                        String.valueOf(now.getEpochSecond()),
                        "5K8264ILTKCH16CQ2502SI8ZNMTM67VS",
                        "prepay_id=wx" + orderId,
                        "RSA",
                        "c2lnbmF0dXJl"),
                now.plusSeconds(7200),
                now);
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
