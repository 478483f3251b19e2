package io.orderflow.events;

/** Why an order is being, or was, closed at WeChat Pay. */
public enum CloseReason {
    /** The order reached its {@code expire_at} unpaid. */
    EXPIRED,
    /** The shop asked to close the order. */
    SHOP_REQUEST
}
