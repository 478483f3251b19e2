package io.orderflow.notify.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * A delivery claimed for one attempt, with what sending needs of its endpoint at claim time.
 *
 * @param attemptNo the number of this attempt (every attempt ever, from 1): the guard of its outcome
 * @param scheduleStep how many attempts of the current schedule this one makes (from 1)
 * @param ownUrl true for a delivery to its order's own {@code notify_url}: its failures say nothing of an endpoint
 */
record Claimed(
        UUID deliveryId,
        String endpointId,
        String orderId,
        String ceId,
        String eventType,
        Instant occurredAt,
        String body,
        int attemptNo,
        int scheduleStep,
        String url,
        int secretGeneration,
        Integer previousSecretGeneration,
        Instant previousSecretValidUntil,
        boolean ownUrl) {}
