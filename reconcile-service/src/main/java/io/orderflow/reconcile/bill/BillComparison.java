package io.orderflow.reconcile.bill;

import io.orderflow.reconcile.ledger.LedgerEntries;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares a day's bill with the ledger both ways. The bill streams past in batches (memory stays flat however
 * long the day); only the discrepancies are kept.
 */
class BillComparison {

    static final int BATCH = 1000;

    private final LedgerEntries ledger;
    private final LedgerSide ledgerSide;

    BillComparison(LedgerEntries ledger, BillSettings settings) {
        this.ledger = ledger;
        this.ledgerSide = new LedgerSide(ledger, settings);
    }

    Comparison compare(String mchid, LocalDate billDate, InputStream bill) throws IOException {
        List<Discrepancy> found = new ArrayList<>();
        RowMatcher matcher = new RowMatcher(ledger, billDate, found);
        BillTotals totals = new BillTotals();
        try (TradeBillReader reader = new TradeBillReader(bill)) {
            List<BillRow> batch = new ArrayList<>(BATCH);
            for (BillRow row = reader.next(); row != null; row = reader.next()) {
                if (!mchid.equals(row.mchid())) {
                    throw new MalformedBill("a line of merchant " + row.mchid() + " in the bill of " + mchid);
                }
                totals.add(row);
                batch.add(row);
                if (batch.size() == BATCH) {
                    matcher.match(batch);
                    batch.clear();
                }
            }
            matcher.match(batch);
            found.addAll(totals.check(reader.summary()));
        }
        return result(mchid, billDate, totals, matcher.matched(), found);
    }

    /** NO_STATEMENT_EXIST: WeChat had no trade that day; the ledger's side is still checked. */
    Comparison compareWithoutBill(String mchid, LocalDate billDate) {
        return result(mchid, billDate, new BillTotals(), 0, new ArrayList<>());
    }

    private Comparison result(
            String mchid, LocalDate billDate, BillTotals totals, long matched, List<Discrepancy> found) {
        long held = ledgerSide.check(mchid, billDate, found);
        LedgerEntries.Totals local = ledger.totals(mchid, billDate);
        return new Comparison(
                totals.rows(),
                totals.paymentRows(),
                totals.refundRows(),
                matched,
                held,
                totals.successFen(),
                totals.refundFen(),
                local.paidFen(),
                local.refundedFen(),
                List.copyOf(found));
    }
}
