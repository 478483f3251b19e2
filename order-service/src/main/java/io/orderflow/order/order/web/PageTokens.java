package io.orderflow.order.order.web;

import io.orderflow.order.order.store.OrderQuery;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Opaque page tokens: Base64url of "epoch-microseconds:order_id" of the last order shown. */
final class PageTokens {

    private PageTokens() {}

    static String encode(OrderQuery.PageKey key) {
        if (key == null) {
            return null;
        }
        long micros =
                key.createdAt().getEpochSecond() * 1_000_000 + key.createdAt().getNano() / 1_000;
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((micros + ":" + key.orderId()).getBytes(StandardCharsets.UTF_8));
    }

    static OrderQuery.PageKey decode(String token) {
        if (token == null) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":", 2);
            long micros = Long.parseLong(parts[0]);
            Instant createdAt =
                    Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L);
            if (parts.length != 2 || parts[1].isEmpty()) {
                throw new IllegalArgumentException("no order id");
            }
            return new OrderQuery.PageKey(createdAt, parts[1]);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("PAGE_TOKEN_INVALID", "page_token is not a token this API returned");
        }
    }
}
