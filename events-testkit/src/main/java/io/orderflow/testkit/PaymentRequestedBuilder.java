package io.orderflow.testkit;

import io.orderflow.events.JsapiPayParams;
import io.orderflow.events.OrderCreated;
import io.orderflow.events.PaymentRequested;
import java.time.Duration;
import java.time.Instant;

/**
 * Test data builder of payment-service's PaymentRequested for an order: its merchant and appid, pay params of that
 * prepay id (fixed timestamp, nonce and signature), the prepay id valid for two hours, requested now; set what the
 * test is about.
 */
public final class PaymentRequestedBuilder {

    private final OrderCreated order;
    private final String prepayId;
    private Instant prepayExpiresAt;
    private Instant requestedAt;

    private PaymentRequestedBuilder(OrderCreated order, String prepayId) {
        this.order = order;
        this.prepayId = prepayId;
    }

    /** The order's prepay with this prepay id. */
    public static PaymentRequestedBuilder paymentRequested(OrderCreated order, String prepayId) {
        return new PaymentRequestedBuilder(order, prepayId);
    }

    /** When the prepay id expires at WeChat; two hours after it was requested unless set. */
    public PaymentRequestedBuilder withPrepayExpiresAt(Instant value) {
        prepayExpiresAt = value;
        return this;
    }

    /** When it was requested; now (when built) unless set. */
    public PaymentRequestedBuilder withRequestedAt(Instant value) {
        requestedAt = value;
        return this;
    }

    public PaymentRequested build() {
        Instant requested = requestedAt == null ? Instant.now() : requestedAt;
        return new PaymentRequested(
                order.orderId(),
                order.mchid(),
                order.appid(),
                prepayId,
                new JsapiPayParams(order.appid(), "1700000000", "nonce", "prepay_id=" + prepayId, "RSA", "sign"),
                prepayExpiresAt == null ? requested.plus(Duration.ofHours(2)) : prepayExpiresAt,
                requested);
    }
}
