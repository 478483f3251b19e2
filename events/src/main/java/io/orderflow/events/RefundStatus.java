package io.orderflow.events;

/** WeChat Pay's status of one refund. */
public enum RefundStatus {
    /** Accepted and in progress. */
    PROCESSING,
    /** Money returned to the payer. */
    SUCCESS,
    /** Closed without refunding. */
    CLOSED,
    /** Refund failed at the payer's side (for example a cancelled card) and needs an operator. */
    ABNORMAL
}
