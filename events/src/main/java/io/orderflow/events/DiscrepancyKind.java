package io.orderflow.events;

/** What bill reconciliation found to differ between WeChat's trade bill and orderflow's ledger. */
public enum DiscrepancyKind {
    /** Paid (or refunded) at WeChat, unknown or unpaid in the ledger. */
    MISSING_LOCALLY,
    /** Paid in the ledger, absent from WeChat's bill. */
    MISSING_AT_WECHAT,
    /** Known on both sides with different amounts. */
    AMOUNT_MISMATCH,
    /** Known on both sides with different states. */
    STATUS_MISMATCH,
    /** A refund differs (missing on one side, different amount or status). */
    REFUND_MISMATCH,
    /** The bill's summary totals differ from the sum of its rows. */
    SUMMARY_MISMATCH
}
