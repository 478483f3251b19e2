package io.orderflow.reconcile.ledger;

import io.orderflow.events.OrderStatus;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An order as the ledger knows it.
 *
 * @param mchid null until OrderCreated arrived
 * @param status order-service's status, for example PENDING or SUCCESS
 * @param payDate China date of {@code paidAt}: the bill the payment belongs on; null until paid
 * @param billedDate the bill date whose payment row matched it; null when on no reconciled bill yet
 */
public record LedgerOrder(
        String orderId,
        String mchid,
        String status,
        long amountFen,
        String transactionId,
        Instant paidAt,
        LocalDate payDate,
        LocalDate billedDate) {

    public boolean paid() {
        return status != null && OrderStatus.valueOf(status).isPaid();
    }
}
