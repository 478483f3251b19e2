package io.orderflow.order.order.domain;

/** The data a row changes besides the status. */
public enum Effect {
    NONE,
    /** Store the JSAPI pay params for the shop (no status change, no status event). */
    STORE_PAY_PARAMS,
    /** Record transaction id and payment time. */
    RECORD_PAYMENT,
    /** Record the payment, an anomaly PAID_AFTER_CLOSE and, when configured, a full refund as a follow-up. */
    RECORD_PAYMENT_AFTER_CLOSE,
    /** Record the payment WeChat reports refunded, with an anomaly REFUND_REPORTED_UNPAID. */
    RECORD_PAYMENT_REPORTED_REFUNDED,
    /** Record an anomaly (amount or merchant mismatch). */
    RECORD_ANOMALY,
    /** Emit CloseRequested once; reconcile-service runs the close protocol. */
    REQUEST_CLOSE,
    /** Add a refund record and emit RefundRequested. */
    REQUEST_REFUND,
    /**
     * Update a refund record (and refunded_amount on SUCCESS); an anomaly when it turns ABNORMAL, and when WeChat
     * holds a refund that was rejected here.
     */
    UPDATE_REFUND
}
