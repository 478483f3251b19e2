package io.orderflow.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Bill reconciliation found WeChat's bill and orderflow's ledger to differ. Its subject is the order id when
 * known, else {@code reconciliation:<mchid>:<billDate>}.
 *
 * @param runId id of the reconciliation run that found it; required
 * @param mchid WeChat Pay merchant id whose bill was reconciled; required
 * @param billDate the bill's day in China time (Asia/Shanghai); required
 * @param orderId order id ({@code out_trade_no}) concerned; null for SUMMARY_MISMATCH
 * @param outRefundNo the refund concerned; null unless the discrepancy is about a refund
 * @param transactionId WeChat's transaction id concerned; null when neither side knows one
 * @param kind what differs; required
 * @param wechatAmountFen the amount on WeChat's side, in fen; null when WeChat has no such item
 * @param localAmountFen the amount in the ledger, in fen; null when the ledger has no such item
 * @param wechatStatus the state on WeChat's side as the bill names it, for example SUCCESS or REFUND;
 *     null when WeChat has no such item
 * @param localStatus the state in the ledger, for example PENDING; null when the ledger has no such item
 * @param detail human-readable explanation for operators; required
 * @param repaired true when reconcile-service repaired it by publishing PaymentNotified or RefundNotified
 *     (source BILL) after a confirming query; required
 * @param foundAt instant the discrepancy was found; required
 */
public record DiscrepancyFound(
        String runId,
        String mchid,
        LocalDate billDate,
        @Nullable String orderId,
        @Nullable String outRefundNo,
        @Nullable String transactionId,
        DiscrepancyKind kind,
        @Nullable Long wechatAmountFen,
        @Nullable Long localAmountFen,
        @Nullable String wechatStatus,
        @Nullable String localStatus,
        String detail,
        boolean repaired,
        Instant foundAt)
        implements ReconcileServiceEvent {

    public DiscrepancyFound {
        Checks.present(runId, "runId");
        Checks.present(mchid, "mchid");
        Checks.present(billDate, "billDate");
        Checks.present(kind, "kind");
        Checks.nonNegative(wechatAmountFen, "wechatAmountFen");
        Checks.nonNegative(localAmountFen, "localAmountFen");
        Checks.present(detail, "detail");
        Checks.present(foundAt, "foundAt");
    }

    @Override
    public String subject() {
        return orderId != null ? orderId : OrderflowEvent.reconciliationSubject(mchid, billDate);
    }
}
