package io.orderflow.events;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/** The state of an order as order-service owns it (its lifecycle: docs/states/order.md). */
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
    REFUND;

    /**
     * Whether WeChat's verdict on the payment is known: the order left PENDING, paid, failed or closed. Nothing waits
     * for it any more (expiry timers and active payment queries stop); a payment after close still arrives by its own
     * notification. The switches here have no default, so a new status does not compile until it is classified.
     */
    public boolean isFinal() {
        return switch (this) {
            case PENDING -> false;
            case SUCCESS, FAILED, CLOSED, REFUND -> true;
        };
    }

    /** Whether the order is paid (refunds may exist only then). */
    public boolean isPaid() {
        return switch (this) {
            case SUCCESS, REFUND -> true;
            case PENDING, FAILED, CLOSED -> false;
        };
    }

    /** The statuses {@link #isFinal()}. */
    public static Set<OrderStatus> finals() {
        EnumSet<OrderStatus> finals = EnumSet.noneOf(OrderStatus.class);
        Arrays.stream(values()).filter(OrderStatus::isFinal).forEach(finals::add);
        return finals;
    }
}
