package io.orderflow.order.support;

import java.util.UUID;

/** Create-request bodies for tests. */
public final class Orders {

    public static final String OPENID = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";

    private Orders() {}

    public static String newShopOrderNo() {
        return "SO-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    public static String body(String shopOrderNo, long totalFen) {
        return body(shopOrderNo, totalFen, OPENID);
    }

    public static String body(String shopOrderNo, long totalFen, String openid) {
        return """
                {"shop_order_no":"%s","description":"Image形象店-深圳腾大-QQ公仔","amount":{"total":%d,"currency":"CNY"},\
                "payer":{"openid":"%s"},"attach":"cart-42"}""".formatted(shopOrderNo, totalFen, openid);
    }

    /** A fresh openid of the usual shape (28 characters), so that a test's payer has no history. */
    public static String newOpenid() {
        return "oUpF8" + UUID.randomUUID().toString().replace("-", "").substring(0, 23);
    }
}
