package io.orderflow.order.order;

import io.orderflow.platform.notify.PgNotifications;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Wakes create calls waiting for their order's pay params (or its failure) on every replica: the transaction that
 * stores them notifies channel {@value #CHANNEL} with the order id (PostgreSQL LISTEN/NOTIFY, delivered on commit),
 * and each instance's listener completes its waiters; this instance also wakes its own at once after the commit.
 * When the listening connection was lost, every waiter is woken to look at the database itself.
 */
@Component
class PayParamsSignal {

    static final String CHANNEL = "orderflow_pay_params";

    private final Map<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;

    PayParamsSignal(PgNotifications notifications, JdbcClient jdbc) {
        this.jdbc = jdbc;
        notifications.listen(CHANNEL, this::stored);
        notifications.onReconnect(() -> waiting.keySet().forEach(this::stored));
    }

    CompletableFuture<Void> subscribe(String orderId) {
        return waiting.computeIfAbsent(orderId, id -> new CompletableFuture<>());
    }

    void unsubscribe(String orderId, CompletableFuture<Void> signal) {
        waiting.remove(orderId, signal);
    }

    /** In the transaction that stores the order's pay params or fails it: wakes its waiters on every replica. */
    void announce(String orderId) {
        PgNotifications.publish(jdbc, CHANNEL, orderId);
    }

    void stored(String orderId) {
        CompletableFuture<Void> signal = waiting.remove(orderId);
        if (signal != null) {
            signal.complete(null);
        }
    }
}
