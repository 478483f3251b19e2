package io.orderflow.events;

import java.time.Instant;

/**
 * A shop created an order; payment-service prepays it and reconcile-service arms its expiry timer.
 *
 * @param orderId orderflow's order id, sent to WeChat Pay as {@code out_trade_no} (at most 32 characters
 *     of WeChat's character set); required
 * @param shopId id of the shop that owns the order; required
 * @param shopOrderNo the shop's own order number, the idempotency key of order creation per shop; required
 * @param mchid WeChat Pay merchant id the order is paid into; required
 * @param appid WeChat official-account appid the payer's openid belongs to; required
 * @param description goods description shown to the payer (at most 127 characters); required
 * @param amount order total to be paid, in fen; required
 * @param payerOpenid openid of the payer under {@code appid}; personal data, masked in logs; required
 * @param attach free-form shop data passed through WeChat Pay unchanged (at most 128 characters);
 *     null when the shop sent none
 * @param createdAt instant order-service accepted the order; required
 * @param expireAt instant after which the order is closed at WeChat if still unpaid (WeChat's
 *     {@code time_expire}); required
 */
public record OrderCreated(
        String orderId,
        String shopId,
        String shopOrderNo,
        String mchid,
        String appid,
        String description,
        Money amount,
        String payerOpenid,
        @Nullable String attach,
        Instant createdAt,
        Instant expireAt)
        implements OrderServiceEvent {

    public OrderCreated {
        Checks.present(orderId, "orderId");
        Checks.present(shopId, "shopId");
        Checks.present(shopOrderNo, "shopOrderNo");
        Checks.present(mchid, "mchid");
        Checks.present(appid, "appid");
        Checks.present(description, "description");
        Checks.present(amount, "amount");
        Checks.present(payerOpenid, "payerOpenid");
        Checks.present(createdAt, "createdAt");
        Checks.present(expireAt, "expireAt");
    }

    @Override
    public String subject() {
        return orderId;
    }
}
