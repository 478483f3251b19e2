package io.orderflow.order.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.order.support.OrderServiceTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Nonces are remembered for two timestamp windows, then purged. */
@OrderServiceTest
class ShopNoncesTests {

    @Autowired
    ShopNonces nonces;

    @Autowired
    ShopManagement shops;

    @Autowired
    JdbcClient jdbc;

    @Test
    void purgesNoncesOlderThanTwoWindowsOnly() {
        String shopId = shops.create("nonce shop", "1230000109", "wx2421b1c4370ec43b")
                .shop()
                .shopId();
        insert(shopId, "old", Instant.now().minus(Duration.ofMinutes(11)));
        insert(shopId, "recent", Instant.now().minus(Duration.ofMinutes(9)));

        nonces.purge();

        assertThat(jdbc.sql("select nonce from shop_nonce where shop_id = ?")
                        .param(shopId)
                        .query(String.class)
                        .list())
                .containsExactly("recent");
        assertThat(nonces.firstUse(shopId, "recent")).isFalse();
        assertThat(nonces.firstUse(shopId, "old")).isTrue();
    }

    private void insert(String shopId, String nonce, Instant at) {
        jdbc.sql("insert into shop_nonce (shop_id, nonce, created_at) values (?, ?, ?)")
                .params(shopId, nonce, Timestamp.from(at))
                .update();
    }
}
