package io.orderflow.events;

/** WeChat Pay's {@code trade_state} of a transaction, exactly as WeChat names it. */
public enum TradeState {
    /** Paid. */
    SUCCESS,
    /** Paid and (partly) refunded. */
    REFUND,
    /** Not paid yet. */
    NOTPAY,
    /** Closed without payment. */
    CLOSED,
    /** Revoked (payment-code payments only). */
    REVOKED,
    /** The user is paying (password entry pending). */
    USERPAYING,
    /** Payment failed, for example the bank refused it. */
    PAYERROR
}
