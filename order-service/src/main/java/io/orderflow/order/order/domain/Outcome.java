package io.orderflow.order.order.domain;

/** The four outcomes a (status, trigger) pair can have. */
public enum Outcome {
    /** The status changes (or is re-entered with changed data): version + 1, one OrderStatusChanged. */
    TRANSITION,
    /** A duplicate, stale or informational trigger: status and version stay; see the row's effect. */
    NO_OP,
    /** Recorded, counted, emitted as OrderAnomalyDetected; the status stays. */
    ANOMALY,
    /** The shop's request is refused with the row's reason as error code; nothing changes. */
    REJECTION
}
