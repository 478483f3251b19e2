package io.orderflow.reconcile.bill;

import io.orderflow.events.DiscrepancyKind;
import io.orderflow.reconcile.ledger.LedgerEntries;
import io.orderflow.reconcile.ledger.LedgerOrder;
import io.orderflow.reconcile.ledger.LedgerRefund;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * WeChat's side against the ledger, one batch of bill lines at a time (one ledger query per batch and kind).
 * Every ledger entry a line names is marked billed on this day, whatever the comparison says, so it is never
 * also reported missing at WeChat.
 */
final class RowMatcher {

    private static final Set<String> FINAL_REFUND = Set.of("SUCCESS", "CLOSED", "ABNORMAL");

    private final LedgerEntries ledger;
    private final LocalDate billDate;
    private final List<Discrepancy> found;
    private long matched;

    RowMatcher(LedgerEntries ledger, LocalDate billDate, List<Discrepancy> found) {
        this.ledger = ledger;
        this.billDate = billDate;
        this.found = found;
    }

    long matched() {
        return matched;
    }

    void match(List<BillRow> batch) {
        List<BillRow> payments = batch.stream().filter(row -> !row.refund()).toList();
        List<BillRow> refunds = batch.stream().filter(BillRow::refund).toList();
        if (!payments.isEmpty()) {
            Map<String, LedgerOrder> orders =
                    ledger.orders(payments.stream().map(BillRow::outTradeNo).toList());
            payments.forEach(row -> payment(row, orders.get(row.outTradeNo())));
            ledger.markPaymentsBilled(orders.keySet(), billDate);
        }
        if (!refunds.isEmpty()) {
            Map<String, LedgerRefund> local =
                    ledger.refunds(refunds.stream().map(BillRow::outRefundNo).toList());
            refunds.forEach(row -> refund(row, local.get(row.outRefundNo())));
            ledger.markRefundsBilled(local.keySet(), billDate);
        }
    }

    private void payment(BillRow row, LedgerOrder local) {
        if (local == null || "PENDING".equals(local.status())) {
            add(
                    row,
                    local,
                    DiscrepancyKind.MISSING_LOCALLY,
                    Discrepancy.Repair.PAYMENT,
                    local == null ? "paid at WeChat, unknown in the ledger" : "paid at WeChat, PENDING in the ledger");
        } else if (!local.paid()) {
            add(
                    row,
                    local,
                    DiscrepancyKind.STATUS_MISMATCH,
                    Discrepancy.Repair.NONE,
                    "paid at WeChat, " + local.status() + " in the ledger");
        } else if (local.amountFen() != row.orderFen()) {
            add(
                    row,
                    local,
                    DiscrepancyKind.AMOUNT_MISMATCH,
                    Discrepancy.Repair.NONE,
                    "WeChat's order amount differs from the ledger's");
        } else {
            matched++;
        }
    }

    /** The bill's refund status is the one of its day and never updated; only a final one can contradict us. */
    private void refund(BillRow row, LedgerRefund local) {
        String status = row.refundStatus();
        if (local == null) {
            addRefund(row, null, Discrepancy.Repair.NONE, "refund at WeChat, unknown in the ledger");
        } else if (local.amountFen() != row.refundFen()) {
            addRefund(row, local, Discrepancy.Repair.NONE, "WeChat's refund amount differs from the ledger's");
        } else if (FINAL_REFUND.contains(status) && "PROCESSING".equals(local.status())) {
            addRefund(
                    row, local, Discrepancy.Repair.REFUND, "refund " + status + " at WeChat, PROCESSING in the ledger");
        } else if (FINAL_REFUND.contains(status)
                && FINAL_REFUND.contains(local.status())
                && !status.equals(local.status())) {
            addRefund(
                    row,
                    local,
                    Discrepancy.Repair.NONE,
                    "refund " + status + " at WeChat, " + local.status() + " in the ledger");
        } else {
            matched++;
        }
    }

    private void add(BillRow row, LedgerOrder local, DiscrepancyKind kind, Discrepancy.Repair repair, String detail) {
        found.add(new Discrepancy(
                kind,
                row.outTradeNo(),
                row.outTradeNo(),
                null,
                row.transactionId(),
                row.orderFen(),
                local == null ? null : local.amountFen(),
                row.tradeState(),
                local == null ? null : local.status(),
                detail,
                repair,
                false));
    }

    private void addRefund(BillRow row, LedgerRefund local, Discrepancy.Repair repair, String detail) {
        found.add(new Discrepancy(
                DiscrepancyKind.REFUND_MISMATCH,
                row.outRefundNo(),
                row.outTradeNo(),
                row.outRefundNo(),
                row.transactionId(),
                row.refundFen(),
                local == null ? null : local.amountFen(),
                row.refundStatus(),
                local == null ? null : local.status(),
                detail,
                repair,
                false));
    }
}
