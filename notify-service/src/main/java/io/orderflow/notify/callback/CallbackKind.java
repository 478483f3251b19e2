package io.orderflow.notify.callback;

/** Which notify URL a callback came to: payments or refunds. */
public enum CallbackKind {
    TRANSACTION,
    REFUND
}
