package io.orderflow.reconcile.bill;

import io.orderflow.events.DiscrepancyKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Sums of the bill's detail lines as they stream past, checked at the end against the bill's own summary. */
final class BillTotals {

    private long rows;
    private long paymentRows;
    private long refundRows;
    private long settlementFen;
    private long refundFen;
    private long rechargeRefundFen;
    private BigDecimal fee = BigDecimal.ZERO;
    private long orderFen;
    private long requestedRefundFen;

    void add(BillRow row) {
        rows++;
        if (row.refund()) {
            refundRows++;
        } else {
            paymentRows++;
        }
        settlementFen += row.settlementFen();
        refundFen += row.refundFen();
        rechargeRefundFen += row.rechargeRefundFen();
        fee = fee.add(row.fee());
        orderFen += row.orderFen();
        requestedRefundFen += row.requestedRefundFen();
    }

    long rows() {
        return rows;
    }

    long paymentRows() {
        return paymentRows;
    }

    long refundRows() {
        return refundRows;
    }

    /** Payments at WeChat that day: the order amounts of the payment lines (refund lines carry 0.00). */
    long successFen() {
        return orderFen;
    }

    long refundFen() {
        return refundFen;
    }

    /** One SUMMARY_MISMATCH per summary total that is not the sum of the lines. */
    List<Discrepancy> check(BillSummary summary) {
        List<Discrepancy> found = new ArrayList<>();
        compare(found, "rows", summary.rows(), rows);
        compare(found, "settlement", summary.settlementFen(), settlementFen);
        compare(found, "refund", summary.refundFen(), refundFen);
        compare(found, "recharge_refund", summary.rechargeRefundFen(), rechargeRefundFen);
        compare(found, "order", summary.orderFen(), orderFen);
        compare(found, "requested_refund", summary.requestedRefundFen(), requestedRefundFen);
        if (summary.fee().compareTo(fee) != 0) {
            found.add(new Discrepancy(
                    DiscrepancyKind.SUMMARY_MISMATCH,
                    "summary:fee",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    "summary fee total " + summary.fee().toPlainString() + " yuan, lines sum to " + fee.toPlainString(),
                    Discrepancy.Repair.NONE,
                    false));
        }
        return found;
    }

    private static void compare(List<Discrepancy> found, String total, long summary, long lines) {
        if (summary != lines) {
            boolean count = total.equals("rows");
            found.add(new Discrepancy(
                    DiscrepancyKind.SUMMARY_MISMATCH,
                    "summary:" + total,
                    null,
                    null,
                    null,
                    count || summary < 0 ? null : summary,
                    count || lines < 0 ? null : lines,
                    null,
                    null,
                    "summary " + total + " total " + summary + (count ? "" : " fen") + ", lines sum to " + lines,
                    Discrepancy.Repair.NONE,
                    false));
        }
    }
}
