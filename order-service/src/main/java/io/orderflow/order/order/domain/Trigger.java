package io.orderflow.order.order.domain;

/**
 * What can happen to an existing order. Events of the other services are classified into
 * these (a PaymentNotified becomes {@link #PAID}, {@link #PAID_MISMATCH}, {@link #NOT_PAID},
 * {@link #CLOSED_AT_WECHAT} or {@link #REFUND_REPORTED}; a refund event that changes no refund
 * record becomes {@link #REFUND_STALE}), so the table sees only facts it can decide on.
 */
public enum Trigger {
    /** PaymentRequested: payment-service prepaid the order and signed the JSAPI pay params. */
    PAYMENT_REQUESTED("PaymentRequested"),
    /** PrepayFailed: WeChat refused the prepay permanently. */
    PREPAY_FAILED("PrepayFailed"),
    /** PaymentNotified SUCCESS whose amount, mchid and appid match the order. */
    PAID("PaymentNotified SUCCESS, match"),
    /** PaymentNotified SUCCESS whose amount, mchid or appid does not match the order. */
    PAID_MISMATCH("PaymentNotified SUCCESS, mismatch"),
    /** PaymentNotified NOTPAY, USERPAYING or PAYERROR: nothing settled yet. */
    NOT_PAID("PaymentNotified NOTPAY/USERPAYING/PAYERROR"),
    /** PaymentNotified CLOSED or REVOKED (from a query): WeChat says the order is closed. */
    CLOSED_AT_WECHAT("PaymentNotified CLOSED/REVOKED"),
    /** PaymentNotified REFUND whose amount and merchant match: WeChat reports the order paid and refunded. */
    REFUND_REPORTED("PaymentNotified REFUND"),
    /** The shop asks to close the order. */
    SHOP_CLOSE("shop close"),
    /** TimeoutExpired: reconcile-service confirmed the order closed at WeChat. */
    TIMEOUT_EXPIRED("TimeoutExpired"),
    /** The shop asks for a refund within total − refunded − in flight. */
    SHOP_REFUND("shop refund within remaining"),
    /** The shop asks for a refund above total − refunded − in flight. */
    SHOP_REFUND_EXCEEDING("shop refund over remaining"),
    /**
     * A refund event after which WeChat holds a refund of the order (PROCESSING, SUCCESS or ABNORMAL) where before
     * it held none: the order now has a refund.
     */
    REFUND_HELD("refund accepted by WeChat, first held"),
    /** A refund event that changes a refund record without changing whether WeChat holds a refund of the order. */
    REFUND_UPDATE("RefundSubmitted/RefundRejected/RefundNotified"),
    /** A refund event after which WeChat holds no refund of the order (all closed or rejected, none succeeded). */
    REFUND_RELEASED("last held refund closed"),
    /** A refund event that changes no refund record: a duplicate, stale or unknown refund. */
    REFUND_STALE("refund event, no change");

    private final String label;

    Trigger(String label) {
        this.label = label;
    }

    /** How the trigger reads in the state diagram. */
    public String label() {
        return label;
    }
}
