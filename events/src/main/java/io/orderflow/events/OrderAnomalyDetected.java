package io.orderflow.events;

import java.time.Instant;

/**
 * order-service met a fact it records and alerts on instead of applying it silently, for example a SUCCESS
 * with the wrong amount (the order does not become SUCCESS) or a payment after close.
 *
 * @param orderId order id ({@code out_trade_no}); required
 * @param shopId id of the shop that owns the order; required
 * @param kind what was detected; required
 * @param detail human-readable explanation for operators, without secrets or unmasked openids; required
 * @param expectedFen the amount orderflow expected, in fen; null when the anomaly is not about an amount
 * @param reportedFen the amount WeChat reported, in fen; null when the anomaly is not about an amount
 * @param causationId {@code ce_id} of the event that revealed the anomaly; null when none did
 * @param detectedAt instant order-service detected it; required
 */
public record OrderAnomalyDetected(
        String orderId,
        String shopId,
        AnomalyKind kind,
        String detail,
        @Nullable Long expectedFen,
        @Nullable Long reportedFen,
        @Nullable String causationId,
        Instant detectedAt)
        implements OrderServiceEvent {

    public OrderAnomalyDetected {
        Checks.present(orderId, "orderId");
        Checks.present(shopId, "shopId");
        Checks.present(kind, "kind");
        Checks.present(detail, "detail");
        Checks.nonNegative(expectedFen, "expectedFen");
        Checks.nonNegative(reportedFen, "reportedFen");
        Checks.present(detectedAt, "detectedAt");
    }

    @Override
    public String subject() {
        return orderId;
    }
}
