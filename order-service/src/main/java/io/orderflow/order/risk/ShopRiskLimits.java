package io.orderflow.order.risk;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code shop_risk_limit} table: each shop's overrides of the defaults. */
@Repository
class ShopRiskLimits {

    private final JdbcClient jdbc;

    ShopRiskLimits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<LimitOverrides> find(String shopId) {
        return jdbc.sql("select max_order_amount_fen, payer_max_orders, payer_max_amount_fen, payer_window_seconds, "
                        + "creates_per_second from shop_risk_limit where shop_id = ?")
                .param(shopId)
                .query((rs, n) -> new LimitOverrides(
                        (Long) rs.getObject(1),
                        (Integer) rs.getObject(2),
                        (Long) rs.getObject(3),
                        (Integer) rs.getObject(4),
                        (Integer) rs.getObject(5)))
                .optional();
    }

    void save(String shopId, LimitOverrides o, Instant now) {
        jdbc.sql("insert into shop_risk_limit (shop_id, max_order_amount_fen, payer_max_orders, payer_max_amount_fen, "
                        + "payer_window_seconds, creates_per_second, updated_at) values (?, ?, ?, ?, ?, ?, ?) "
                        + "on conflict (shop_id) do update set max_order_amount_fen = excluded.max_order_amount_fen, "
                        + "payer_max_orders = excluded.payer_max_orders, payer_max_amount_fen = excluded.payer_max_amount_fen, "
                        + "payer_window_seconds = excluded.payer_window_seconds, "
                        + "creates_per_second = excluded.creates_per_second, updated_at = excluded.updated_at")
                .params(
                        shopId,
                        o.maxOrderAmountFen(),
                        o.payerMaxOrders(),
                        o.payerMaxAmountFen(),
                        o.payerWindowSeconds(),
                        o.createsPerSecond(),
                        Timestamp.from(now))
                .update();
    }
}
