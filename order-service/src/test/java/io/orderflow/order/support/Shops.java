package io.orderflow.order.support;

import io.orderflow.order.shop.ShopManagement;
import io.orderflow.order.shop.ShopSecret;

/** Registers shops for tests through the same use case the admin endpoint calls. */
public final class Shops {

    public static final String MCHID = "1230000109";
    public static final String APPID = "wx2421b1c4370ec43b";

    private Shops() {}

    public static ShopClient register(ShopManagement shops, int port) {
        ShopSecret shop = shops.create("test shop", MCHID, APPID);
        return new ShopClient(port, new TestSigner(shop.shop().shopId(), shop.secret()));
    }
}
