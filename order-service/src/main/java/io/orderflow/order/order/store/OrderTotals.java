package io.orderflow.order.order.store;

import java.time.Instant;

/** Sums over a shop's orders and refunds, for readers outside the order package (the risk watches). */
public interface OrderTotals {

    /** The refunds the shop requested and the orders paid within [from, to). */
    ShopTotals shop(String shopId, Instant from, Instant to);

    /**
     * @param refunds how many refunds were requested
     * @param refundFen their total in fen
     * @param paidFen the total of the orders paid, in fen
     */
    record ShopTotals(long refunds, long refundFen, long paidFen) {}
}
