package io.orderflow.reconcile.ledger;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A refund as the ledger knows it.
 *
 * @param status WeChat's refund status as order-service last recorded it, for example PROCESSING
 * @param refundId WeChat's refund id; null while WeChat has not accepted the refund
 * @param requestDate China date of {@code requestedAt}
 * @param billedDate the bill date whose refund row matched it; null when on no reconciled bill yet
 */
public record LedgerRefund(
        String outRefundNo,
        String orderId,
        String mchid,
        long amountFen,
        String status,
        String refundId,
        Instant requestedAt,
        LocalDate requestDate,
        LocalDate billedDate) {}
