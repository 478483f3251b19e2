package io.orderflow.order.support;

import io.orderflow.order.shop.ShopManagement;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Base of the {@link OrderServiceTest}s that call the shop API as a shop of their own: {@link #shop} signs as a shop
 * registered afresh before each test, so no test sees another's orders, payers' history or limits. {@link #shops}
 * and {@link #port} register more shops, {@link #jdbc} reads what was stored. Subclasses carry
 * {@code @OrderServiceTest} themselves.
 */
public abstract class OneShopTestBase {

    @Autowired
    protected ShopManagement shops;

    @Autowired
    protected JdbcClient jdbc;

    @LocalServerPort
    protected int port;

    /** The shop this test acts as. */
    protected ShopClient shop;

    @BeforeEach
    protected final void registerShop() {
        shop = Shops.register(shops, port);
    }

    /** How many orders are stored under this shop_order_no (tests make a fresh one up for each order). */
    protected long storedOrders(String shopOrderNo) {
        return jdbc.sql("select count(*) from orders where shop_order_no = ?")
                .param(shopOrderNo)
                .query(Long.class)
                .single();
    }
}
