package io.orderflow.testkit;

import io.orderflow.events.Money;
import io.orderflow.events.RefundRequested;
import io.orderflow.platform.test.TestMerchant;
import java.time.Instant;

/**
 * Test data builder of order-service's RefundRequested: a refund of 1 yuan of a 1-yuan order of the test merchant,
 * refund number {@code RF-<orderId>}, no transaction id, reason {@code customer asked}, requested now; set what the
 * test is about.
 */
public final class RefundRequestedBuilder {

    private final String orderId;
    private String mchid = TestMerchant.MCHID;
    private String outRefundNo;
    private String transactionId;
    private Money refund = Money.cny(100);
    private Money orderTotal = Money.cny(100);
    private String reason = "customer asked";
    private Instant requestedAt;

    private RefundRequestedBuilder(String orderId) {
        this.orderId = orderId;
        this.outRefundNo = "RF-" + orderId;
    }

    public static RefundRequestedBuilder refundRequested(String orderId) {
        return new RefundRequestedBuilder(orderId);
    }

    public RefundRequestedBuilder withMchid(String value) {
        mchid = value;
        return this;
    }

    public RefundRequestedBuilder withOutRefundNo(String value) {
        outRefundNo = value;
        return this;
    }

    public RefundRequestedBuilder withTransactionId(String value) {
        transactionId = value;
        return this;
    }

    /** The amount to refund, in fen, CNY. */
    public RefundRequestedBuilder withFen(long value) {
        refund = Money.cny(value);
        return this;
    }

    /** The order's total, in fen, CNY. */
    public RefundRequestedBuilder withOrderTotalFen(long value) {
        orderTotal = Money.cny(value);
        return this;
    }

    public RefundRequestedBuilder withReason(String value) {
        reason = value;
        return this;
    }

    /** When it was requested; now (when built) unless set. */
    public RefundRequestedBuilder withRequestedAt(Instant value) {
        requestedAt = value;
        return this;
    }

    public RefundRequested build() {
        return new RefundRequested(
                orderId,
                mchid,
                outRefundNo,
                transactionId,
                refund,
                orderTotal,
                reason,
                requestedAt == null ? Instant.now() : requestedAt);
    }
}
