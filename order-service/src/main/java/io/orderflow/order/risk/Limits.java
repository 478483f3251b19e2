package io.orderflow.order.risk;

import java.time.Duration;

/**
 * The limits in force for one shop: its overrides over the configured defaults.
 *
 * @param maxOrderAmountFen the largest order total, in fen
 * @param payerMaxOrders the most orders of one payer within the window
 * @param payerMaxAmountFen the largest sum of one payer's order totals within the window, in fen
 * @param payerWindow the rolling window of the payer limits
 * @param createsPerSecond create requests per second
 */
public record Limits(
        long maxOrderAmountFen,
        int payerMaxOrders,
        long payerMaxAmountFen,
        Duration payerWindow,
        int createsPerSecond) {}
