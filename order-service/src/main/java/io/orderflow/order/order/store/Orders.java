package io.orderflow.order.order.store;

import io.orderflow.events.Money;
import io.orderflow.events.OrderStatus;
import io.orderflow.order.order.domain.Order;
import io.orderflow.order.order.domain.OrderRejectedException;
import io.orderflow.order.order.domain.OrderState;
import io.orderflow.order.order.domain.OrderTerms;
import io.orderflow.order.order.domain.PayParams;
import io.orderflow.order.order.domain.Refund;
import io.orderflow.order.order.domain.RefundState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The orders and their refunds, in explicit SQL (ADR 0004): idempotent creation by
 * {@code insert … on conflict do nothing}, row locks for changes, and a compare-and-set of
 * {@code version} on every save.
 */
@Repository
public class Orders {

    private static final String COLUMNS = "order_id, shop_id, shop_order_no, request_hash, mchid, appid, description, "
            + "amount_fen, currency, payer_openid, attach, created_at, expire_at, status, refunded_fen, transaction_id, "
            + "paid_at, close_requested_at, pay_app_id, pay_time_stamp, pay_nonce_str, pay_package, pay_sign_type, "
            + "pay_sign, version, notify_url";

    private static final String ADMITS = "risk_admits(:riskShop, :riskOpenid, :riskAmount, "
            + "cast(:riskNow as timestamptz), :riskWindow, :riskMaxOrderAmount, :riskMaxOrders, :riskMaxAmount)";

    private final JdbcClient jdbc;
    private final AdmissionPolicy policy;

    Orders(JdbcClient jdbc, AdmissionPolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    /**
     * Inserts a new order if the {@link AdmissionPolicy}'s limits admit it, unless the shop already has one with
     * that shop_order_no: one statement, the limits its condition.
     *
     * @return false when a limit refused the order or the shop_order_no exists
     */
    public boolean insertIfAdmitted(Order order) {
        OrderTerms t = order.terms();
        return policy.admission()
                .map(admission -> insert(order, ADMITS, admissionParameters(t, admission)))
                .orElseGet(() -> insertIfAbsent(order));
    }

    /** Inserts a new order unless the shop already has one with that shop_order_no; false when it has. */
    public boolean insertIfAbsent(Order order) {
        return insert(order, "true", Map.of());
    }

    private static Map<String, Object> admissionParameters(OrderTerms t, Admission admission) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("riskShop", t.shopId());
        parameters.put("riskOpenid", t.payerOpenid());
        parameters.put("riskAmount", t.amount().fen());
        parameters.put("riskNow", Timestamp.from(admission.at()));
        parameters.put("riskWindow", (double) admission.payerWindow().toSeconds());
        parameters.put("riskMaxOrderAmount", admission.maxOrderAmountFen());
        parameters.put("riskMaxOrders", admission.payerMaxOrders());
        parameters.put("riskMaxAmount", admission.payerMaxAmountFen());
        return parameters;
    }

    /**
     * The insert, on a condition: the values are cast to the columns' types, as in {@code insert … select} the
     * database does not infer them from the columns.
     */
    private boolean insert(Order order, String condition, Map<String, Object> conditionParameters) {
        OrderTerms t = order.terms();
        return jdbc.sql("insert into orders (" + COLUMNS + ") select cast(:orderId as text), cast(:shopId as text), "
                                + "cast(:shopOrderNo as text), cast(:hash as text), cast(:mchid as text), cast(:appid as text), "
                                + "cast(:description as text), cast(:fen as bigint), cast(:currency as text), "
                                + "cast(:openid as text), cast(:attach as text), cast(:createdAt as timestamptz), "
                                + "cast(:expireAt as timestamptz), 'PENDING', 0, null, null, null, null, null, null, null, "
                                + "null, null, 1, cast(:notifyUrl as text) where " + condition + " "
                                + "on conflict (shop_id, shop_order_no) do nothing")
                        .param("orderId", t.orderId())
                        .param("shopId", t.shopId())
                        .param("shopOrderNo", t.shopOrderNo())
                        .param("hash", t.requestHash())
                        .param("mchid", t.mchid())
                        .param("appid", t.appid())
                        .param("description", t.description())
                        .param("fen", t.amount().fen())
                        .param("currency", t.amount().currency())
                        .param("openid", t.payerOpenid())
                        .param("attach", t.attach())
                        .param("createdAt", Timestamp.from(t.createdAt()))
                        .param("expireAt", Timestamp.from(t.expireAt()))
                        .param("notifyUrl", t.notifyUrl())
                        .params(conditionParameters)
                        .update()
                == 1;
    }

    public Optional<Order> find(String orderId) {
        return one("select " + COLUMNS + " from orders where order_id = ?", orderId);
    }

    /** Reads the order and locks its row until the transaction ends. */
    public Optional<Order> lock(String orderId) {
        return one("select " + COLUMNS + " from orders where order_id = ? for update", orderId);
    }

    public Optional<Order> findByShopOrderNo(String shopId, String shopOrderNo) {
        return one("select " + COLUMNS + " from orders where shop_id = ? and shop_order_no = ?", shopId, shopOrderNo);
    }

    /** The order that already uses this out_refund_no at this merchant, if any. */
    public Optional<String> orderOfRefund(String mchid, String outRefundNo) {
        return jdbc.sql("select order_id from refund where mchid = ? and out_refund_no = ?")
                .params(mchid, outRefundNo)
                .query(String.class)
                .optional();
    }

    /** One page of a shop's orders, newest first, after the keyset position when given. */
    public List<Order> page(OrderQuery query) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from orders where shop_id = :shopId");
        Map<String, Object> params = new HashMap<>();
        params.put("shopId", query.shopId());
        params.put("limit", query.limit());
        if (query.status() != null) {
            sql.append(" and status = :status");
            params.put("status", query.status().name());
        }
        if (query.createdFrom() != null) {
            sql.append(" and created_at >= :from");
            params.put("from", Timestamp.from(query.createdFrom()));
        }
        if (query.createdTo() != null) {
            sql.append(" and created_at < :to");
            params.put("to", Timestamp.from(query.createdTo()));
        }
        if (query.after() != null) {
            sql.append(" and (created_at, order_id) < (:afterCreatedAt, :afterOrderId)");
            params.put("afterCreatedAt", Timestamp.from(query.after().createdAt()));
            params.put("afterOrderId", query.after().orderId());
        }
        sql.append(" order by created_at desc, order_id desc limit :limit");
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> map(rs)).list().stream()
                .map(this::withRefunds)
                .toList();
    }

    /** Saves the order's state and refunds; fails if another transaction changed its version meanwhile. */
    public void save(Order order) {
        OrderState s = order.state();
        PayParams p = s.payParams();
        int updated = jdbc.sql("update orders set status = ?, refunded_fen = ?, transaction_id = ?, paid_at = ?, "
                        + "close_requested_at = ?, pay_app_id = ?, pay_time_stamp = ?, pay_nonce_str = ?, pay_package = ?, "
                        + "pay_sign_type = ?, pay_sign = ?, version = ? where order_id = ? and version = ?")
                .params(
                        s.status().name(),
                        s.refundedFen(),
                        s.transactionId(),
                        timestamp(s.paidAt()),
                        timestamp(s.closeRequestedAt()),
                        p == null ? null : p.appId(),
                        p == null ? null : p.timeStamp(),
                        p == null ? null : p.nonceStr(),
                        p == null ? null : p.packageValue(),
                        p == null ? null : p.signType(),
                        p == null ? null : p.paySign(),
                        s.version(),
                        order.terms().orderId(),
                        s.loadedVersion())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("order " + order.terms().orderId() + " changed concurrently");
        }
        order.refunds().forEach(refund -> saveRefund(order.terms(), refund));
    }

    /** Inserts or updates the refund; an out_refund_no another order of the merchant holds is a conflict. */
    private void saveRefund(OrderTerms order, Refund r) {
        int saved = jdbc.sql(
                        "insert into refund (mchid, out_refund_no, order_id, amount_fen, currency, reason, status, refund_id, "
                                + "requested_at, success_time) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                + "on conflict (mchid, out_refund_no) do update set status = excluded.status, "
                                + "refund_id = excluded.refund_id, success_time = excluded.success_time "
                                + "where refund.order_id = excluded.order_id")
                .params(
                        order.mchid(),
                        r.outRefundNo(),
                        order.orderId(),
                        r.amount().fen(),
                        r.amount().currency(),
                        r.reason(),
                        r.state().name(),
                        r.refundId(),
                        Timestamp.from(r.requestedAt()),
                        timestamp(r.successTime()))
                .update();
        if (saved != 1) {
            throw new OrderRejectedException(
                    "OUT_REFUND_NO_CONFLICT",
                    "out_refund_no " + r.outRefundNo() + " is already used by another order of this merchant");
        }
    }

    private Optional<Order> one(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query((rs, n) -> map(rs)).optional().map(this::withRefunds);
    }

    /** Loads the refunds of a paid order; an unpaid one has none (a refund is refused unless SUCCESS or REFUND). */
    private Order withRefunds(Order order) {
        if (!order.status().isPaid()) {
            return order;
        }
        List<Refund> refunds = jdbc.sql(
                        "select out_refund_no, amount_fen, currency, reason, status, refund_id, "
                                + "requested_at, success_time from refund where order_id = ? order by requested_at, out_refund_no")
                .param(order.terms().orderId())
                .query((rs, n) -> new Refund(
                        rs.getString(1),
                        new Money(rs.getLong(2), rs.getString(3)),
                        rs.getString(4),
                        RefundState.valueOf(rs.getString(5)),
                        rs.getString(6),
                        instant(rs, 7),
                        instant(rs, 8)))
                .list();
        return new Order(order.terms(), order.state(), refunds);
    }

    private static Order map(ResultSet rs) throws SQLException {
        OrderTerms terms = new OrderTerms(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                new Money(rs.getLong(8), rs.getString(9)),
                rs.getString(10),
                rs.getString(11),
                instant(rs, 12),
                instant(rs, 13),
                rs.getString(26));
        PayParams payParams = rs.getString(19) == null
                ? null
                : new PayParams(
                        rs.getString(19),
                        rs.getString(20),
                        rs.getString(21),
                        rs.getString(22),
                        rs.getString(23),
                        rs.getString(24));
        OrderState state = new OrderState(
                OrderStatus.valueOf(rs.getString(14)),
                rs.getLong(15),
                rs.getString(16),
                instant(rs, 17),
                instant(rs, 18),
                payParams,
                rs.getLong(25));
        return new Order(terms, state, List.of());
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
