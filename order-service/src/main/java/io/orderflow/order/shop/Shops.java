package io.orderflow.order.shop;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The shop table; secrets stay encrypted here. */
@Repository
class Shops {

    private static final String COLUMNS = "shop_id, name, mchid, appid, enabled, created_at";

    private final JdbcClient jdbc;

    Shops(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Shop shop, byte[] secretCipher) {
        jdbc.sql("insert into shop (shop_id, name, mchid, appid, secret_cipher, enabled, created_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        shop.shopId(),
                        shop.name(),
                        shop.mchid(),
                        shop.appid(),
                        secretCipher,
                        shop.enabled(),
                        Timestamp.from(shop.createdAt()),
                        Timestamp.from(shop.createdAt()))
                .update();
    }

    Optional<Shop> find(String shopId) {
        return jdbc.sql("select " + COLUMNS + " from shop where shop_id = ?")
                .param(shopId)
                .query((rs, n) -> map(rs))
                .optional();
    }

    /** The shop with its encrypted secret, in one round trip (every request needs both). */
    Optional<Credentials> credentials(String shopId) {
        return jdbc.sql("select " + COLUMNS + ", secret_cipher from shop where shop_id = ?")
                .param(shopId)
                .query((rs, n) -> new Credentials(map(rs), rs.getBytes(7)))
                .optional();
    }

    /** A shop and its secret as stored (encrypted). */
    record Credentials(Shop shop, byte[] secretCipher) {}

    List<Shop> all() {
        return jdbc.sql("select " + COLUMNS + " from shop order by created_at, shop_id")
                .query((rs, n) -> map(rs))
                .list();
    }

    boolean updateSecret(String shopId, byte[] secretCipher, Instant now) {
        return jdbc.sql("update shop set secret_cipher = ?, updated_at = ? where shop_id = ?")
                        .params(secretCipher, Timestamp.from(now), shopId)
                        .update()
                == 1;
    }

    boolean disable(String shopId, Instant now) {
        return jdbc.sql("update shop set enabled = false, updated_at = ? where shop_id = ?")
                        .params(Timestamp.from(now), shopId)
                        .update()
                == 1;
    }

    private static Shop map(ResultSet rs) throws SQLException {
        return new Shop(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getBoolean(5),
                rs.getTimestamp(6).toInstant());
    }
}
