package io.orderflow.reconcile.expiry;

import java.time.Instant;

/** An armed expiry timer past its due time, with the last thing WeChat answered. */
public record OverdueTimer(String orderId, String mchid, Instant dueAt, int attempts, String lastOutcome) {}
