package io.orderflow.events;

/**
 * A signal that money is at risk and an operator should act. Each kind is raised by one service; consumers
 * treat a kind they do not know as a generic alert (new kinds are added without a new major version).
 */
public enum RiskAlertKind {
    /** order-service: WeChat reported SUCCESS for another amount than the order's total (anomaly AMOUNT_MISMATCH). */
    AMOUNT_MISMATCH(EventTypes.ORDER_SERVICE),
    /** order-service: WeChat reported SUCCESS for another mchid or appid (anomaly MERCHANT_MISMATCH). */
    MERCHANT_MISMATCH(EventTypes.ORDER_SERVICE),
    /** order-service: a payment arrived for an order already CLOSED or FAILED (anomaly PAID_AFTER_CLOSE). */
    PAID_AFTER_CLOSE(EventTypes.ORDER_SERVICE),
    /**
     * order-service: the automatic refund of a payment after close could not be requested after the configured
     * attempts; it is still retried, and the payment itself was recorded regardless.
     */
    AUTOMATIC_REFUND_FAILED(EventTypes.ORDER_SERVICE),
    /** order-service: a shop's refunds of one day exceed the configured share of its paid volume of that day. */
    REFUND_SHARE_EXCEEDED(EventTypes.ORDER_SERVICE),
    /** notify-service: callbacks from one source failed verification at least the threshold times in the window. */
    CALLBACK_VERIFICATION_BURST(EventTypes.NOTIFY_SERVICE),
    /**
     * reconcile-service: WeChat's daily bill and orderflow differ in a way a query could not repair (an amount,
     * a payment or refund only one side knows, a summary); raised once per discrepancy, with DiscrepancyFound.
     */
    RECONCILIATION_DISCREPANCY(EventTypes.RECONCILE_SERVICE);

    private final String service;

    RiskAlertKind(String service) {
        this.service = service;
    }

    /** The service that raises this kind, and so the ce_type it is published under. */
    public String service() {
        return service;
    }
}
