package io.orderflow.order.order.store;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link OrderTotals} in one statement over {@code orders} and {@code refund}. */
@Repository
class PostgresOrderTotals implements OrderTotals {

    private final JdbcClient jdbc;

    PostgresOrderTotals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ShopTotals shop(String shopId, Instant from, Instant to) {
        return jdbc.sql("select (select count(*) from refund r join orders o on o.order_id = r.order_id "
                        + "where o.shop_id = :shop and r.requested_at >= :from and r.requested_at < :to), "
                        + "(select coalesce(sum(r.amount_fen), 0) from refund r join orders o on o.order_id = r.order_id "
                        + "where o.shop_id = :shop and r.requested_at >= :from and r.requested_at < :to), "
                        + "(select coalesce(sum(amount_fen), 0) from orders where shop_id = :shop "
                        + "and paid_at >= :from and paid_at < :to)")
                .param("shop", shopId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new ShopTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }
}
