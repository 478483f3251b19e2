package io.orderflow.order.order.usecase;

/** No order with that id belongs to the calling shop. */
public class OrderNotFoundException extends RuntimeException {

    public OrderNotFoundException(String orderId) {
        super("order_id " + orderId + " does not exist for this shop");
    }
}
