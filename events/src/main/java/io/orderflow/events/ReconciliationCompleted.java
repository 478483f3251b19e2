package io.orderflow.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A bill reconciliation run of one merchant and one bill date finished; re-running a day publishes a new run.
 * Its subject is {@code reconciliation:<mchid>:<billDate>}.
 *
 * @param runId id of the reconciliation run; required
 * @param mchid WeChat Pay merchant id whose bill was reconciled; required
 * @param billDate the bill's day in China time (Asia/Shanghai); required
 * @param billRows number of transaction rows in WeChat's bill, summary lines excluded; 0 for a day
 *     without trades (NO_STATEMENT_EXIST); required
 * @param matched number of rows that matched the ledger; required
 * @param discrepancies number of discrepancies found, each also published as DiscrepancyFound; required
 * @param repaired number of discrepancies repaired by publishing PaymentNotified or RefundNotified
 *     (source BILL); required
 * @param held number of items near midnight held in the cross-day window, not yet counted; required
 * @param wechatSuccessTotalFen sum of successful payments in WeChat's bill, in fen (CNY); required
 * @param wechatRefundTotalFen sum of refunds in WeChat's bill, in fen (CNY); required
 * @param localSuccessTotalFen sum of successful payments of the day in the ledger, in fen (CNY); required
 * @param localRefundTotalFen sum of refunds of the day in the ledger, in fen (CNY); required
 * @param startedAt instant the run started; required
 * @param completedAt instant the run finished; required
 */
public record ReconciliationCompleted(
        String runId,
        String mchid,
        LocalDate billDate,
        long billRows,
        long matched,
        long discrepancies,
        long repaired,
        long held,
        long wechatSuccessTotalFen,
        long wechatRefundTotalFen,
        long localSuccessTotalFen,
        long localRefundTotalFen,
        Instant startedAt,
        Instant completedAt)
        implements ReconcileServiceEvent {

    public ReconciliationCompleted {
        Checks.present(runId, "runId");
        Checks.present(mchid, "mchid");
        Checks.present(billDate, "billDate");
        long[] counts = {
            billRows,
            matched,
            discrepancies,
            repaired,
            held,
            wechatSuccessTotalFen,
            wechatRefundTotalFen,
            localSuccessTotalFen,
            localRefundTotalFen
        };
        for (long count : counts) {
            Checks.nonNegative(count, "counts and totals");
        }
        Checks.present(startedAt, "startedAt");
        Checks.present(completedAt, "completedAt");
    }

    @Override
    public String subject() {
        return OrderflowEvent.reconciliationSubject(mchid, billDate);
    }
}
