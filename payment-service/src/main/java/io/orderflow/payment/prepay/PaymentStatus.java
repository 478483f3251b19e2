package io.orderflow.payment.prepay;

/** Where a prepay stands. */
public enum PaymentStatus {
    /** Pay params not obtained yet; the worker (re)tries while the order can still be paid. */
    PREPAYING,
    /** Pay params published; refreshed before the prepay_id expires while the order is payable. */
    PREPAID,
    /** WeChat refused the prepay for good, or the order expired before it succeeded; PrepayFailed published. */
    FAILED,
    /** WeChat answered "already paid"; its query result is recorded, the verdict is notify's or reconcile's. */
    PAID_AT_WECHAT
}
