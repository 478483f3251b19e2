package io.orderflow.reconcile.expiry;

import io.orderflow.events.CloseReason;
import java.time.Instant;

/** A claimed, due expiry timer. */
record Timer(String orderId, String mchid, Instant expireAt, CloseReason reason, int attempts) {}
