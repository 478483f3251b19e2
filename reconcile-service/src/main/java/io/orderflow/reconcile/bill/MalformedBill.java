package io.orderflow.reconcile.bill;

/** The file is not a trade bill in WeChat's format; the run fails rather than guess. */
class MalformedBill extends RuntimeException {

    MalformedBill(String message) {
        super(message);
    }
}
