package io.orderflow.order.order.domain;

import io.orderflow.events.OrderStatus;
import java.time.Instant;

/**
 * The changing part of an order. {@code version} counts status events: 1 at creation, + 1 per
 * transition; the repository compares and sets it.
 */
public final class OrderState {

    private OrderStatus status;
    private long refundedFen;
    private String transactionId;
    private Instant paidAt;
    private Instant closeRequestedAt;
    private PayParams payParams;
    private long version;
    private final long loadedVersion;

    public OrderState(
            OrderStatus status,
            long refundedFen,
            String transactionId,
            Instant paidAt,
            Instant closeRequestedAt,
            PayParams payParams,
            long version) {
        this.status = status;
        this.refundedFen = refundedFen;
        this.transactionId = transactionId;
        this.paidAt = paidAt;
        this.closeRequestedAt = closeRequestedAt;
        this.payParams = payParams;
        this.version = version;
        this.loadedVersion = version;
    }

    static OrderState initial() {
        return new OrderState(OrderStatus.PENDING, 0, null, null, null, null, 1);
    }

    void transition(OrderStatus to) {
        status = to;
        version++;
    }

    void payParams(PayParams params) {
        payParams = params;
    }

    void paid(String transaction, Instant at) {
        transactionId = transaction;
        paidAt = at;
    }

    void closeRequested(Instant at) {
        closeRequestedAt = at;
    }

    void refunded(long fen) {
        refundedFen += fen;
    }

    public OrderStatus status() {
        return status;
    }

    public long refundedFen() {
        return refundedFen;
    }

    public String transactionId() {
        return transactionId;
    }

    public Instant paidAt() {
        return paidAt;
    }

    public Instant closeRequestedAt() {
        return closeRequestedAt;
    }

    public PayParams payParams() {
        return payParams;
    }

    public long version() {
        return version;
    }

    /** The version read from the database: the update succeeds only if it is still current. */
    public long loadedVersion() {
        return loadedVersion;
    }
}
