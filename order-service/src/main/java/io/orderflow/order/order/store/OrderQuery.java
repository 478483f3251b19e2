package io.orderflow.order.order.store;

import io.orderflow.events.OrderStatus;
import java.time.Instant;

/**
 * A page of a shop's orders, newest first.
 *
 * @param shopId the shop
 * @param status only orders in this status; null for all
 * @param createdFrom created at or after; null for no bound
 * @param createdTo created before; null for no bound
 * @param after the position of the last order of the previous page; null for the first page
 * @param limit the page size
 */
public record OrderQuery(
        String shopId, OrderStatus status, Instant createdFrom, Instant createdTo, PageKey after, int limit) {

    /** A keyset position: the (created_at, order_id) of the last order shown. */
    public record PageKey(Instant createdAt, String orderId) {}
}
