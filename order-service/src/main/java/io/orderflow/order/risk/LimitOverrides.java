package io.orderflow.order.risk;

import java.time.Duration;

/**
 * A shop's own limits; a null field keeps the configured default.
 *
 * @param maxOrderAmountFen the largest order total, in fen
 * @param payerMaxOrders the most orders of one payer within the window
 * @param payerMaxAmountFen the largest sum of one payer's order totals within the window, in fen
 * @param payerWindowSeconds the rolling window of the payer limits, in seconds
 * @param createsPerSecond create requests per second
 */
public record LimitOverrides(
        Long maxOrderAmountFen,
        Integer payerMaxOrders,
        Long payerMaxAmountFen,
        Integer payerWindowSeconds,
        Integer createsPerSecond) {

    static final LimitOverrides NONE = new LimitOverrides(null, null, null, null, null);

    /** These overrides over the defaults. */
    Limits over(Limits defaults) {
        return new Limits(
                maxOrderAmountFen != null ? maxOrderAmountFen : defaults.maxOrderAmountFen(),
                payerMaxOrders != null ? payerMaxOrders : defaults.payerMaxOrders(),
                payerMaxAmountFen != null ? payerMaxAmountFen : defaults.payerMaxAmountFen(),
                payerWindowSeconds != null ? Duration.ofSeconds(payerWindowSeconds) : defaults.payerWindow(),
                createsPerSecond != null ? createsPerSecond : defaults.createsPerSecond());
    }
}
