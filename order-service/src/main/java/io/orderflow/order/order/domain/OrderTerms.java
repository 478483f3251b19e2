package io.orderflow.order.order.domain;

import io.orderflow.events.Money;
import java.time.Instant;

/**
 * What an order was created with; never changes afterwards.
 *
 * @param orderId WeChat's out_trade_no
 * @param shopId the owning shop
 * @param shopOrderNo the shop's own order number, unique per shop
 * @param requestHash SHA-256 of the canonical create request, for idempotent retries
 * @param mchid the merchant the shop pays into
 * @param appid the app the payer's openid belongs to
 * @param description shown to the payer
 * @param amount the order total
 * @param payerOpenid the payer
 * @param attach the shop's opaque data; may be null
 * @param createdAt creation time
 * @param expireAt when the order expires if unpaid
 * @param notifyUrl the order's own webhook URL, used instead of the shop's endpoints; may be null
 */
public record OrderTerms(
        String orderId,
        String shopId,
        String shopOrderNo,
        String requestHash,
        String mchid,
        String appid,
        String description,
        Money amount,
        String payerOpenid,
        String attach,
        Instant createdAt,
        Instant expireAt,
        String notifyUrl) {}
