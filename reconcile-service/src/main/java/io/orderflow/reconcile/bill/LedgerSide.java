package io.orderflow.reconcile.bill;

import io.orderflow.events.DiscrepancyKind;
import io.orderflow.reconcile.ledger.Ledger;
import io.orderflow.reconcile.ledger.LedgerEntries;
import io.orderflow.reconcile.ledger.LedgerOrder;
import io.orderflow.reconcile.ledger.LedgerRefund;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The ledger's side against the bills: what the ledger holds for the day (or held from earlier days) that no
 * reconciled bill showed. WeChat stamps a trade with its own clock, so a payment a second before midnight here
 * may be on the next day's bill: such items (within the cross-day margin of either midnight) are held, not
 * reported, until the bill {@code holdingDays} later has been reconciled without them.
 */
final class LedgerSide {

    private final LedgerEntries ledger;
    private final BillSettings settings;

    LedgerSide(LedgerEntries ledger, BillSettings settings) {
        this.ledger = ledger;
        this.settings = settings;
    }

    /** Adds the discrepancies to {@code found}; returns how many items are held. */
    long check(String mchid, LocalDate billDate, List<Discrepancy> found) {
        LocalDate from = billDate.minusDays(settings.holdingDays());
        return payments(mchid, from, billDate, found) + refunds(mchid, from, billDate, found);
    }

    private long payments(String mchid, LocalDate from, LocalDate billDate, List<Discrepancy> found) {
        long held = 0;
        for (LedgerOrder order : ledger.unbilledPayments(mchid, from, billDate)) {
            Verdict verdict = verdict(order.paidAt(), order.payDate(), billDate);
            if (verdict == Verdict.REPORT) {
                found.add(new Discrepancy(
                        DiscrepancyKind.MISSING_AT_WECHAT,
                        order.orderId(),
                        order.orderId(),
                        null,
                        order.transactionId(),
                        null,
                        order.amountFen(),
                        null,
                        order.status(),
                        "paid in the ledger at " + order.paidAt() + ", on no WeChat bill",
                        Discrepancy.Repair.NONE,
                        false));
            }
            held += verdict == Verdict.HOLD ? 1 : 0;
        }
        return held;
    }

    private long refunds(String mchid, LocalDate from, LocalDate billDate, List<Discrepancy> found) {
        long held = 0;
        for (LedgerRefund refund : ledger.unbilledRefunds(mchid, from, billDate)) {
            Verdict verdict = verdict(refund.requestedAt(), refund.requestDate(), billDate);
            if (verdict == Verdict.REPORT) {
                found.add(new Discrepancy(
                        DiscrepancyKind.REFUND_MISMATCH,
                        refund.outRefundNo(),
                        refund.orderId(),
                        refund.outRefundNo(),
                        null,
                        null,
                        refund.amountFen(),
                        null,
                        refund.status(),
                        "refund accepted by WeChat (" + refund.refundId() + ") in the ledger, on no WeChat bill",
                        Discrepancy.Repair.NONE,
                        false));
            }
            held += verdict == Verdict.HOLD ? 1 : 0;
        }
        return held;
    }

    private enum Verdict {
        REPORT,
        HOLD,
        REPORTED_BEFORE
    }

    /**
     * An item of the bill's own day is reported unless it is near midnight; a near-midnight item of an earlier
     * day is reported once its holding window is over. Items of earlier days not near midnight were reported on
     * their own day.
     */
    private Verdict verdict(Instant at, LocalDate day, LocalDate billDate) {
        boolean nearMidnight = settings.holdingDays() > 0 && nearMidnight(at);
        if (day.equals(billDate)) {
            return nearMidnight ? Verdict.HOLD : Verdict.REPORT;
        }
        if (!nearMidnight) {
            return Verdict.REPORTED_BEFORE;
        }
        return day.plusDays(settings.holdingDays()).isAfter(billDate) ? Verdict.HOLD : Verdict.REPORT;
    }

    private boolean nearMidnight(Instant at) {
        ZonedDateTime time = at.atZone(Ledger.CHINA);
        ZonedDateTime start = time.toLocalDate().atStartOfDay(Ledger.CHINA);
        ZonedDateTime end = time.toLocalDate().plusDays(1).atStartOfDay(Ledger.CHINA);
        Duration margin = settings.crossDayMargin();
        return Duration.between(start, time).compareTo(margin) <= 0
                || Duration.between(time, end).compareTo(margin) <= 0;
    }
}
