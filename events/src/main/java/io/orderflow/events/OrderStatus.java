package io.orderflow.events;

/** The state of an order as order-service owns it (ARCHITECTURE.md section 3). */
public enum OrderStatus {
    /** Created, not yet paid; pay params may or may not exist yet. */
    PENDING,
    /** Paid: WeChat reported trade_state SUCCESS with a matching amount and merchant. */
    SUCCESS,
    /** Prepay failed permanently; the order can never be paid. */
    FAILED,
    /** Closed at WeChat (expired or closed on the shop's request) before it was paid. */
    CLOSED,
    /** Paid, and one or more refunds exist; each refund has its own {@link RefundStatus}. */
    REFUND
}
