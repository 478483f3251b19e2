package io.orderflow.reconcile.ledger;

import io.orderflow.events.OrderCreated;
import io.orderflow.events.OrderStatusChanged;
import io.orderflow.events.RefundSnapshot;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes the ledger inside the consumer's transaction. OrderStatusChanged carries the whole order after each
 * transition, so the newest snapshot (highest version) simply replaces what was there: events arriving twice
 * or out of order cannot move the ledger backwards.
 */
public class Ledger {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;

    Ledger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The merchant is known only from OrderCreated; the status topic may have filled the rest already. */
    public void orderCreated(OrderCreated created) {
        jdbc.sql("""
                insert into ledger_order (order_id, mchid, shop_id, status, amount_fen) values (?, ?, ?, 'PENDING', ?)
                on conflict (order_id) do update set mchid = coalesce(ledger_order.mchid, excluded.mchid),
                    shop_id = coalesce(ledger_order.shop_id, excluded.shop_id)
                where ledger_order.mchid is null or ledger_order.shop_id is null""")
                .params(
                        created.orderId(),
                        created.mchid(),
                        created.shopId(),
                        created.amount().fen())
                .update();
    }

    public void statusChanged(OrderStatusChanged changed) {
        var order = changed.order();
        int applied = jdbc.sql("""
                insert into ledger_order (order_id, shop_id, version, status, amount_fen, transaction_id, paid_at,
                                          pay_date)
                values (:id, :shopId, :version, :status, :amount, :transactionId, :paidAt, :payDate)
                on conflict (order_id) do update set shop_id = coalesce(ledger_order.shop_id, excluded.shop_id),
                    version = excluded.version, status = excluded.status,
                    amount_fen = excluded.amount_fen, transaction_id = excluded.transaction_id,
                    paid_at = excluded.paid_at, pay_date = excluded.pay_date, updated_at = clock_timestamp()
                where ledger_order.version < excluded.version""")
                .param("id", changed.orderId())
                .param("shopId", changed.shopId())
                .param("version", changed.version())
                .param("status", order.status().name())
                .param("amount", order.amount().fen())
                .param("transactionId", order.transactionId())
                .param("paidAt", timestamp(order.paidAt()))
                .param("payDate", date(order.paidAt()))
                .update();
        if (applied == 1) {
            order.refunds().forEach(refund -> refund(changed.orderId(), refund));
        }
    }

    private void refund(String orderId, RefundSnapshot refund) {
        jdbc.sql("""
                insert into ledger_refund (out_refund_no, order_id, amount_fen, status, refund_id, requested_at,
                                           request_date, success_time)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (out_refund_no) do update set amount_fen = excluded.amount_fen, status = excluded.status,
                    refund_id = excluded.refund_id, requested_at = excluded.requested_at,
                    request_date = excluded.request_date, success_time = excluded.success_time""")
                .params(
                        refund.outRefundNo(),
                        orderId,
                        refund.amount().fen(),
                        refund.status().name(),
                        refund.refundId(),
                        timestamp(refund.requestedAt()),
                        date(refund.requestedAt()),
                        timestamp(refund.successTime()))
                .update();
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.valueOf(instant.atZone(CHINA).toLocalDate());
    }
}
