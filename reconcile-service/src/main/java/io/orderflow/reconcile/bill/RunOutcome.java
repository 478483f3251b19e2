package io.orderflow.reconcile.bill;

/** How a reconciliation run of a merchant's day ended, as {@code bill_run.outcome} stores it. */
public enum RunOutcome {
    /** Started, not finished yet. */
    RUNNING,
    /** The bill was downloaded, verified and compared both ways. */
    COMPLETED,
    /** WeChat has no bill for the day (no trade): the ledger's side was compared alone. */
    NO_STATEMENT,
    /** WeChat is still generating the bill: tried again later. */
    STATEMENT_CREATING,
    /** The downloaded file's SHA-1 differs from WeChat's hash_value: ignored, tried again later. */
    HASH_MISMATCH,
    /** WeChat could not be asked (unavailable or refused): tried again later. */
    UNAVAILABLE,
    /** The bill could not be parsed. */
    MALFORMED,
    /** The run failed with an exception. */
    FAILED,
    /** A run left RUNNING for over an hour, given up when the next one starts. */
    ABANDONED;

    /** The run reached a verdict on the day (with or without a bill). */
    public boolean settled() {
        return this == COMPLETED || this == NO_STATEMENT;
    }
}
