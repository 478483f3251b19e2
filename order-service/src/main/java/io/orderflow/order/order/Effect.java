package io.orderflow.order.order;

/** The data a row changes besides the status. */
public enum Effect {
    NONE,
    /** Store the JSAPI pay params for the shop (no status change, no status event). */
    STORE_PAY_PARAMS,
    /** Record transaction id and payment time. */
    RECORD_PAYMENT,
    /** Record the payment, an anomaly PAID_AFTER_CLOSE and, when configured, a full refund. */
    RECORD_PAYMENT_AFTER_CLOSE,
    /** Record an anomaly (amount or merchant mismatch). */
    RECORD_ANOMALY,
    /** Emit CloseRequested once; reconcile-service runs the close protocol. */
    REQUEST_CLOSE,
    /** Add a refund record and emit RefundRequested. */
    REQUEST_REFUND,
    /** Update a refund record (and refunded_amount on SUCCESS). */
    UPDATE_REFUND
}
