package io.orderflow.order.support;

import io.orderflow.events.Money;
import io.orderflow.events.NotificationSource;
import io.orderflow.events.PaymentNotified;
import io.orderflow.events.TradeState;
import java.time.Instant;

/**
 * Test data builder of WeChat's report on a payment: a callback for the order's amount in CNY, with the
 * transaction id and payment time WeChat gives every paid trade (refunded ones included); change what a test is about.
 */
public final class PaymentNotifiedBuilder {

    private final String orderId;
    private String mchid;
    private String appid;
    private NotificationSource source = NotificationSource.CALLBACK;
    private TradeState state;
    private Money amount;
    private Instant at = Instant.now();

    private PaymentNotifiedBuilder(String orderId, String mchid, String appid, TradeState state, long fen) {
        this.orderId = orderId;
        this.mchid = mchid;
        this.appid = appid;
        this.state = state;
        this.amount = Money.cny(fen);
    }

    public static PaymentNotifiedBuilder of(String orderId, String mchid, String appid, TradeState state, long fen) {
        return new PaymentNotifiedBuilder(orderId, mchid, appid, state, fen);
    }

    public PaymentNotifiedBuilder mchid(String value) {
        mchid = value;
        return this;
    }

    public PaymentNotifiedBuilder appid(String value) {
        appid = value;
        return this;
    }

    public PaymentNotifiedBuilder source(NotificationSource value) {
        source = value;
        return this;
    }

    /** The amount paid; null when WeChat reports none. */
    public PaymentNotifiedBuilder amount(Money value) {
        amount = value;
        return this;
    }

    public PaymentNotifiedBuilder at(Instant value) {
        at = value;
        return this;
    }

    public PaymentNotified build() {
        boolean paid = state == TradeState.SUCCESS || state == TradeState.REFUND;
        return new PaymentNotified(
                orderId,
                mchid,
                appid,
                source,
                state,
                null,
                paid ? "4200000" + orderId.substring(2) : null,
                amount,
                paid && amount != null ? amount.fen() : null,
                Orders.OPENID,
                paid ? at : null,
                null,
                at);
    }
}
