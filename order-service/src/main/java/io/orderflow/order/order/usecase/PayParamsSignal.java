package io.orderflow.order.order.usecase;

import io.orderflow.order.order.domain.Order;
import io.orderflow.platform.notify.PgNotifications;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Wakes create calls waiting for their order's pay params (or its failure) on every replica: the transaction that
 * stores them notifies channel {@value #CHANNEL} with the order id (PostgreSQL LISTEN/NOTIFY, delivered on commit),
 * and each instance's listener completes its waiters; this instance also wakes its own at once after the commit,
 * handing them the order as that commit left it, so they answer without reading it again. Waiters woken by
 * {@code NOTIFY} (or, when the listening connection was lost, all of them) get no order and read the database.
 */
@Component
class PayParamsSignal {

    static final String CHANNEL = "orderflow_pay_params";

    private final Map<String, CompletableFuture<Order>> waiting = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;

    PayParamsSignal(PgNotifications notifications, JdbcClient jdbc) {
        this.jdbc = jdbc;
        notifications.listen(CHANNEL, orderId -> stored(orderId, null));
        notifications.onReconnect(() -> waiting.keySet().forEach(orderId -> stored(orderId, null)));
    }

    /** The future completes with the order as stored when this instance stored it, else with null (read it). */
    CompletableFuture<Order> subscribe(String orderId) {
        return waiting.computeIfAbsent(orderId, id -> new CompletableFuture<>());
    }

    void unsubscribe(String orderId, CompletableFuture<Order> signal) {
        waiting.remove(orderId, signal);
    }

    /** In the transaction that stores the order's pay params or fails it: wakes its waiters on every replica. */
    void announce(String orderId) {
        PgNotifications.publish(jdbc, CHANNEL, orderId);
    }

    /** {@code order}: as the committed transaction left it, or null when only its id is known. */
    void stored(String orderId, Order order) {
        CompletableFuture<Order> signal = waiting.remove(orderId);
        if (signal != null) {
            signal.complete(order);
        }
    }
}
