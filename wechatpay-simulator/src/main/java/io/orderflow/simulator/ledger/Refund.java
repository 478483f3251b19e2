package io.orderflow.simulator.ledger;

import java.time.Instant;
import java.util.Map;

/** One refund of an {@link Order}; its status moves once from PROCESSING to a final status. */
public final class Refund {

    private final Order order;

    private final String refundId;

    private final String outRefundNo;

    private final Map<String, Object> request;

    private final long amount;

    private final Instant createdAt;

    private RefundStatus status = RefundStatus.PROCESSING;

    private Instant successTime;

    Refund(
            Order order,
            String refundId,
            String outRefundNo,
            Map<String, Object> request,
            long amount,
            Instant createdAt) {
        this.order = order;
        this.refundId = refundId;
        this.outRefundNo = outRefundNo;
        this.request = Map.copyOf(request);
        this.amount = amount;
        this.createdAt = createdAt;
    }

    public Order order() {
        return order;
    }

    public String refundId() {
        return refundId;
    }

    public String outRefundNo() {
        return outRefundNo;
    }

    public Map<String, Object> request() {
        return request;
    }

    public long amount() {
        return amount;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String notifyUrl() {
        return (String) request.get("notify_url");
    }

    public synchronized RefundStatus status() {
        return status;
    }

    public synchronized Instant successTime() {
        return successTime;
    }

    /** False when the refund had already finished, so a late timer cannot overwrite a forced outcome. */
    synchronized boolean finish(RefundStatus outcome, Instant at) {
        if (status != RefundStatus.PROCESSING) {
            return false;
        }
        status = outcome;
        successTime = outcome == RefundStatus.SUCCESS ? at : null;
        return true;
    }
}
