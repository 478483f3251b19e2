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
    REFUND_ABNORMAL
}
