package io.orderflow.order.shop;

/** A shop was to be registered for a merchant (or AppID) orderflow has no keys for. */
public class UnknownMerchantException extends RuntimeException {

    UnknownMerchantException(String message) {
        super(message);
    }
}
