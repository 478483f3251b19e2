package io.orderflow.simulator.ledger;

/** Refund {@code status}: accepted refunds start PROCESSING and end in one of the other three. */
public enum RefundStatus {
    PROCESSING,
    SUCCESS,
    ABNORMAL,
    CLOSED;

    /** The notification event for a final status. */
    public String eventType() {
        return "REFUND." + name();
    }
}
