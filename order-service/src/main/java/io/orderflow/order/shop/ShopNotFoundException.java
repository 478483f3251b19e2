package io.orderflow.order.shop;

/** The administrator named a shop that does not exist. */
public class ShopNotFoundException extends RuntimeException {

    public ShopNotFoundException(String shopId) {
        super("shop_id " + shopId + " does not exist");
    }
}
