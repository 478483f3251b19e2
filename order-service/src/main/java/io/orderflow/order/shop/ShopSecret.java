package io.orderflow.order.shop;

/**
 * A shop with its newly generated secret, shown once to the administrator and never again.
 *
 * @param shop the shop
 * @param secret the HMAC secret to give to the shop
 */
public record ShopSecret(Shop shop, String secret) {

    @Override
    public String toString() {
        return "ShopSecret[shop=" + shop + ", secret=***]";
    }
}
