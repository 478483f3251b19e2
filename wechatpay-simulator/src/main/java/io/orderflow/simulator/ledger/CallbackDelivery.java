package io.orderflow.simulator.ledger;

import java.time.Instant;

/**
 * One POST of a notification to a notify_url. {@code kind} is REAL for the genuine notification
 * (first attempt and retries) or DUPLICATE, PROBE, FORGED for injected extra copies;
 * {@code outcome} is ACKNOWLEDGED, REJECTED, ERROR or DROPPED.
 */
public record CallbackDelivery(
        String notificationId,
        String eventType,
        String outRefundNo,
        String kind,
        int attempt,
        Instant at,
        int httpStatus,
        String outcome) {}
