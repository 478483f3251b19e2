package io.orderflow.order.order.usecase;

/**
 * An event names an order this service does not (yet) have. Retryable on purpose: the binder
 * retries it and then parks it in the dead-letter topic, so it is never dropped silently.
 */
public class UnknownOrderException extends RuntimeException {

    public UnknownOrderException(String orderId, String ceType) {
        super(ceType + " for unknown order " + orderId);
    }
}
