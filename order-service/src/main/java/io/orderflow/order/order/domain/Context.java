package io.orderflow.order.order.domain;

import java.time.Instant;

/**
 * Circumstances of one change.
 *
 * @param now the time of the change
 * @param causationId the consumed event's ce_id, or null for shop requests
 * @param refundPaidAfterClose whether a payment after close is refunded automatically
 */
public record Context(Instant now, String causationId, boolean refundPaidAfterClose) {}
