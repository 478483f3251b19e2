package io.orderflow.order.order;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Wakes a create call waiting for pay params when this JVM's consumer stored them. Only a
 * shortcut: waiters also poll the database, so it works when another replica consumed the event.
 */
@Component
class PayParamsSignal {

    private final Map<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

    CompletableFuture<Void> subscribe(String orderId) {
        return waiting.computeIfAbsent(orderId, id -> new CompletableFuture<>());
    }

    void unsubscribe(String orderId, CompletableFuture<Void> signal) {
        waiting.remove(orderId, signal);
    }

    void stored(String orderId) {
        CompletableFuture<Void> signal = waiting.remove(orderId);
        if (signal != null) {
            signal.complete(null);
        }
    }
}
