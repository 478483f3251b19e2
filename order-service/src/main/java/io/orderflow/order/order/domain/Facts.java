package io.orderflow.order.order.domain;

import io.orderflow.events.PaymentNotified;

/**
 * What a trigger brings for its row's effect besides the trigger itself: the pay params of PaymentRequested, the
 * checked PaymentNotified, the shop's refund request, or a refund record before and after a refund event. A row whose
 * effect needs a fact its trigger does not bring is a mistake in the table, refused loudly.
 */
record Facts(
        PayParams payParams,
        PaymentNotified payment,
        PaymentCheck check,
        RefundOrder refund,
        Refund refundBefore,
        Refund refundAfter) {

    static final Facts NONE = new Facts(null, null, null, null, null, null);

    static Facts payParams(PayParams payParams) {
        return new Facts(payParams, null, null, null, null, null);
    }

    static Facts payment(PaymentNotified notified, PaymentCheck check) {
        return new Facts(null, notified, check, null, null, null);
    }

    static Facts refund(RefundOrder refund) {
        return new Facts(null, null, null, refund, null, null);
    }

    static Facts refundChange(Refund before, Refund after) {
        return new Facts(null, null, null, null, before, after);
    }

    @Override
    public PayParams payParams() {
        return required(payParams, "pay params");
    }

    @Override
    public PaymentNotified payment() {
        return required(payment, "a payment");
    }

    @Override
    public PaymentCheck check() {
        return required(check, "a payment check");
    }

    @Override
    public RefundOrder refund() {
        return required(refund, "a refund request");
    }

    @Override
    public Refund refundBefore() {
        return required(refundBefore, "a refund change");
    }

    @Override
    public Refund refundAfter() {
        return required(refundAfter, "a refund change");
    }

    private static <T> T required(T fact, String what) {
        if (fact == null) {
            throw new IllegalStateException(
                    "the transition table's row needs " + what + ", which its trigger does " + "not bring");
        }
        return fact;
    }
}
