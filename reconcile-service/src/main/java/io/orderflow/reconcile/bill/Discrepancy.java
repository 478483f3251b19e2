package io.orderflow.reconcile.bill;

import io.orderflow.events.DiscrepancyKind;

/**
 * One difference between WeChat's bill and the ledger.
 *
 * @param itemKey what it is about, unique per kind and day: the order id, the out_refund_no, or
 *     {@code summary:<total>}
 * @param repair which repair a confirming query may make; NONE for everything that is only reported
 * @param repaired true once a PaymentNotified / RefundNotified (source BILL) went into the outbox for it
 */
public record Discrepancy(
        DiscrepancyKind kind,
        String itemKey,
        String orderId,
        String outRefundNo,
        String transactionId,
        Long wechatAmountFen,
        Long localAmountFen,
        String wechatStatus,
        String localStatus,
        String detail,
        Repair repair,
        boolean repaired) {

    /** What may be repaired, and how. */
    public enum Repair {
        NONE,
        PAYMENT,
        REFUND
    }

    Discrepancy repaired(String note) {
        return noted(note, true);
    }

    Discrepancy notRepaired(String note) {
        return noted(note, false);
    }

    private Discrepancy noted(String note, boolean isRepaired) {
        return new Discrepancy(
                kind,
                itemKey,
                orderId,
                outRefundNo,
                transactionId,
                wechatAmountFen,
                localAmountFen,
                wechatStatus,
                localStatus,
                detail + "; " + note,
                repair,
                isRepaired);
    }
}
