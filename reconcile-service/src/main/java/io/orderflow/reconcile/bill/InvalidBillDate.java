package io.orderflow.reconcile.bill;

/** WeChat serves trade bills of the last three months up to yesterday (China time) only. */
public class InvalidBillDate extends RuntimeException {

    public InvalidBillDate(String message) {
        super(message);
    }
}
