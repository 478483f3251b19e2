package io.orderflow.events;

/** A fact order-service records and alerts on instead of silently applying it. */
public enum AnomalyKind {
    /** WeChat reported SUCCESS for an amount other than the order's total; the order is not made SUCCESS. */
    AMOUNT_MISMATCH,
    /** WeChat reported SUCCESS for another mchid or appid than the order's; the order is not made SUCCESS. */
    MERCHANT_MISMATCH,
    /** WeChat reported SUCCESS for an order that was already CLOSED or FAILED here. */
    PAID_AFTER_CLOSE,
    /** A refund ended ABNORMAL at WeChat and needs an operator. */
    REFUND_ABNORMAL,
    /**
     * WeChat reported a refund held (processing, succeeded or abnormal) that was rejected at submission here: it is
     * applied, and the order's refunds may now exceed what the shop meant to refund.
     */
    REFUND_AFTER_REJECTION,
    /**
     * WeChat reported trade_state REFUND for an order that was not paid here (PENDING, CLOSED or FAILED): the
     * payment is recorded first (the order becomes SUCCESS); the refunds WeChat holds are unknown here.
     */
    REFUND_REPORTED_UNPAID
}
