package io.orderflow.reconcile;

import io.orderflow.events.Money;
import io.orderflow.events.RefundSnapshot;
import io.orderflow.events.RefundStatus;
import java.time.Instant;

/** Refunds as order-service's snapshots carry them, for the ledger and bill tests. */
public final class TestRefunds {

    private TestRefunds() {}

    /** A CNY refund requested at {@code at}, and finished then too when it succeeded. */
    public static RefundSnapshot refund(
            String outRefundNo, long fen, RefundStatus status, String refundId, Instant at) {
        return new RefundSnapshot(
                outRefundNo, Money.cny(fen), status, refundId, null, at, status == RefundStatus.SUCCESS ? at : null);
    }
}
