package io.orderflow.order.risk;

import java.time.Instant;

/**
 * A blocked payer.
 *
 * @param openid the payer's openid
 * @param reason why, for operators; may be null
 * @param createdAt when it was blocked
 */
public record PayerBlock(String openid, String reason, Instant createdAt) {}
