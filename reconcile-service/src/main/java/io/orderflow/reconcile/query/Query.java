package io.orderflow.reconcile.query;

import java.time.Instant;

/** A claimed, due active query. */
record Query(String kind, String key, String orderId, String mchid, Instant untilAt, Long refundFen, int step) {

    static final String PAYMENT = "PAYMENT";
    static final String REFUND = "REFUND";
}
