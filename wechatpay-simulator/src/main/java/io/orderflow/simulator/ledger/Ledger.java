package io.orderflow.simulator.ledger;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory indexes over all orders and refunds; holds no rules (those are in {@link Trades}). */
public class Ledger {

    private final Map<String, Order> orders = new ConcurrentHashMap<>();

    private final Map<String, Order> byTransactionId = new ConcurrentHashMap<>();

    private final Map<String, Order> byPrepayId = new ConcurrentHashMap<>();

    private final Map<String, Refund> refunds = new ConcurrentHashMap<>();

    /** The existing order for this key, or null after storing {@code order}. */
    Order putIfAbsent(Order order) {
        Order existing = orders.putIfAbsent(key(order.mchid(), order.outTradeNo()), order);
        if (existing == null) {
            byPrepayId.put(order.prepayId(), order);
        }
        return existing;
    }

    void indexPrepayId(Order order) {
        byPrepayId.put(order.prepayId(), order);
    }

    void indexPaid(Order order) {
        byTransactionId.put(order.transactionId(), order);
    }

    Refund putIfAbsent(Refund refund) {
        return refunds.putIfAbsent(key(refund.order().mchid(), refund.outRefundNo()), refund);
    }

    public Optional<Order> order(String mchid, String outTradeNo) {
        return Optional.ofNullable(orders.get(key(mchid, outTradeNo)));
    }

    public Optional<Order> orderByTransactionId(String mchid, String transactionId) {
        return Optional.ofNullable(byTransactionId.get(transactionId))
                .filter(o -> o.mchid().equals(mchid));
    }

    public Optional<Order> orderByPrepayId(String prepayId) {
        return Optional.ofNullable(byPrepayId.get(prepayId));
    }

    public Optional<Refund> refund(String mchid, String outRefundNo) {
        return Optional.ofNullable(refunds.get(key(mchid, outRefundNo)));
    }

    /** All orders, oldest first, for the ledger view and bills. */
    public List<Order> orders() {
        return orders.values().stream()
                .sorted(Comparator.comparing(Order::createdAt))
                .toList();
    }

    private static String key(String mchid, String number) {
        return mchid + '/' + number;
    }
}
