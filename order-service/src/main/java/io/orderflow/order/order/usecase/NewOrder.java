package io.orderflow.order.order.usecase;

import java.time.Duration;

/**
 * A validated create request of a shop.
 *
 * @param shopOrderNo the shop's order number
 * @param description shown to the payer
 * @param amountFen the total in fen
 * @param currency CNY
 * @param payerOpenid the payer's openid under the shop's appid
 * @param attach the shop's opaque data; may be null
 * @param expireIn how long the order may stay unpaid
 * @param notifyUrl the order's own webhook URL, checked like an endpoint's; null for the shop's endpoints
 */
public record NewOrder(
        String shopOrderNo,
        String description,
        long amountFen,
        String currency,
        String payerOpenid,
        String attach,
        Duration expireIn,
        String notifyUrl) {

    /**
     * The canonical form hashed for idempotent retries: every field, length-prefixed; notify_url only when given,
     * so the hashes of orders created before it existed stay the same.
     */
    String canonical() {
        StringBuilder canonical = new StringBuilder();
        for (Object field :
                new Object[] {shopOrderNo, description, amountFen, currency, payerOpenid, attach, expireIn.toSeconds()
                }) {
            String value = field == null ? "" : field.toString();
            canonical
                    .append(field == null ? -1 : value.length())
                    .append(':')
                    .append(value)
                    .append('\n');
        }
        if (notifyUrl != null) {
            canonical
                    .append("notify_url:")
                    .append(notifyUrl.length())
                    .append(':')
                    .append(notifyUrl)
                    .append('\n');
        }
        return canonical.toString();
    }
}
