package io.orderflow.events;

/** How orderflow learnt a payment or refund outcome from WeChat Pay. */
public enum NotificationSource {
    /** A verified and decrypted WeChat Pay callback (notify-service). */
    CALLBACK,
    /** An active query of the order or refund at WeChat Pay (reconcile-service). */
    QUERY,
    /** The daily trade bill, confirmed by a query before it is published (reconcile-service). */
    BILL,
    /**
     * payment-service's query of an order for which WeChat Pay answered a prepay with ORDERPAID: the
     * order was paid already (payment-service).
     */
    PREPAY
}
