package io.orderflow.reconcile.bill;

import java.util.List;

/** What comparing one day's bill with the ledger found, before repairs. */
record Comparison(
        long rows,
        long paymentRows,
        long refundRows,
        long matched,
        long held,
        long wechatSuccessFen,
        long wechatRefundFen,
        long localSuccessFen,
        long localRefundFen,
        List<Discrepancy> discrepancies) {}
