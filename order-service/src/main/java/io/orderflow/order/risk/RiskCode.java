package io.orderflow.order.risk;

/** Stable codes of the refusals of the risk controls, as the shop API answers them. */
public enum RiskCode {
    /** The shop sent more create requests than its rate allows (429 with Retry-After). */
    RATE_LIMITED,
    /** The order total is above the shop's per-order limit (422). */
    ORDER_AMOUNT_LIMIT_EXCEEDED,
    /** The payer is on the shop's or the global blocklist (403). */
    PAYER_BLOCKED,
    /** The payer already has the most orders the window allows at this shop (422). */
    PAYER_ORDER_LIMIT_EXCEEDED,
    /** The payer's order totals in the window would exceed the limit at this shop (422). */
    PAYER_AMOUNT_LIMIT_EXCEEDED
}
