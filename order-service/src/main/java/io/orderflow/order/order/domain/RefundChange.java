package io.orderflow.order.order.domain;

import io.orderflow.events.OrderflowEvent;
import io.orderflow.events.RefundNotified;
import io.orderflow.events.RefundRejected;
import io.orderflow.events.RefundSubmitted;
import java.time.Instant;

/**
 * What a refund event of payment-, notify- or reconcile-service says about one refund record.
 *
 * @param outRefundNo the refund
 * @param state its reported status
 * @param refundId WeChat's refund id; may be null
 * @param successTime when it succeeded; may be null
 */
public record RefundChange(String outRefundNo, RefundState state, String refundId, Instant successTime) {

    public static RefundChange of(OrderflowEvent event) {
        if (event instanceof RefundSubmitted submitted) {
            return new RefundChange(
                    submitted.outRefundNo(), RefundState.of(submitted.status()), submitted.refundId(), null);
        }
        if (event instanceof RefundRejected rejected) {
            return new RefundChange(rejected.outRefundNo(), RefundState.REJECTED, null, null);
        }
        if (event instanceof RefundNotified notified) {
            return new RefundChange(
                    notified.outRefundNo(),
                    RefundState.of(notified.status()),
                    notified.refundId(),
                    notified.successTime());
        }
        throw new IllegalArgumentException(
                "not a refund event: " + event.getClass().getSimpleName());
    }
}
