package io.orderflow.reconcile.bill;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One reconciliation run of a merchant's day, with its counts and totals (fen).
 *
 * @param trigger SCHEDULED, ON_DEMAND or RETRY
 * @param outcome a {@link RunOutcome}'s name, as stored and shown
 * @param retryAt when the run is tried again automatically; null when it is not
 */
public record BillRun(
        String runId,
        String mchid,
        LocalDate billDate,
        String trigger,
        String outcome,
        String detail,
        long billRows,
        long paymentRows,
        long refundRows,
        long matched,
        long discrepancies,
        long repaired,
        long held,
        long wechatSuccessFen,
        long wechatRefundFen,
        long localSuccessFen,
        long localRefundFen,
        int attempt,
        Instant startedAt,
        Instant completedAt,
        Instant retryAt) {

    /** The run reached a verdict on the day (with or without a bill). */
    public boolean settled() {
        return RunOutcome.valueOf(outcome).settled();
    }
}
