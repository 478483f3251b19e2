package io.orderflow.order.order.domain;

/** A shop request the order refuses (a REJECTION row, or a conflicting retry); nothing changed. */
public class OrderRejectedException extends RuntimeException {

    private final String code;

    public OrderRejectedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
