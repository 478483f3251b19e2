package io.orderflow.reconcile.query;

import java.time.Instant;

/** An active query (PAYMENT order or REFUND) not yet settled, with the last thing WeChat answered. */
public record StuckQuery(
        String kind, String key, String orderId, String mchid, Instant since, int queries, String lastOutcome) {}
