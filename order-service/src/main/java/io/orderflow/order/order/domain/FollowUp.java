package io.orderflow.order.order.domain;

/**
 * Work a fact asks for but does not depend on: it runs later in a transaction of its own, is retried with backoff
 * and alerted on when it keeps failing, and the fact (a payment) is committed whatever becomes of it.
 */
public enum FollowUp {
    /** Refund in full what remains of a payment that arrived after the order was closed or failed. */
    AUTOMATIC_REFUND
}
