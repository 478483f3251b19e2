package io.orderflow.reconcile.bill;

import java.time.LocalDate;

/** Another run of the same merchant's day is running (here or on another replica). */
public class RunInProgress extends RuntimeException {

    public RunInProgress(String mchid, LocalDate billDate) {
        super("a reconciliation of " + mchid + " for " + billDate + " is running");
    }
}
