package io.orderflow.systemtest;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the load benchmark saw of each order, as wall-clock instants in epoch microseconds, all
 * read in this JVM (the shop clients, the simulator and the status-topic reader live here):
 * create sent and answered, paid at the simulator (the callback is dispatched at once), SUCCESS
 * read from {@code orderflow.order.status}. Writers may come in any order (the simulator can pay
 * before the create call returns), so each order's entry is created by whoever comes first.
 * In the open loop an order's create starts at its scheduled instant, however late it was sent.
 */
final class LoadTimeline {

    /** One order's instants; 0 = not (yet) seen. */
    static final class Order {
        volatile long createStart;
        volatile long createEnd;
        volatile boolean payParams;
        /** The order's status in the create call's answer (SUCCESS when it was paid before the answer). */
        volatile String answeredStatus;

        volatile long paid;
        volatile long success;
        /** The status record's Kafka timestamp (when order-service's relay produced it), in microseconds. */
        volatile long successProduced;
    }

    /** Open loop: a create due at {@code scheduled} and sent at {@code sent} (0 = never sent). */
    record Issue(long scheduled, long sent) {}

    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final Queue<Issue> issues = new ConcurrentLinkedQueue<>();
    private final AtomicLong refused = new AtomicLong();
    private final Map<String, AtomicLong> refusals = new ConcurrentSkipListMap<>();

    static long now() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    private Order order(String orderId) {
        return orders.computeIfAbsent(orderId, id -> new Order());
    }

    /** A create call answered 201 (or 200 for a replay) with this order. */
    void created(String orderId, long start, long end, boolean payParams, String status) {
        Order order = order(orderId);
        order.createStart = start;
        order.createEnd = end;
        order.payParams = payParams;
        order.answeredStatus = status;
    }

    /** A create call that did not give an order, by reason (HTTP status and error code, or the exception). */
    void refused(String reason) {
        refused.incrementAndGet();
        refusals.computeIfAbsent(reason, r -> new AtomicLong()).incrementAndGet();
    }

    /** Open loop: a scheduled create was sent (or, with {@code sent} 0, never was). */
    void issued(long scheduled, long sent) {
        issues.add(new Issue(scheduled, sent));
    }

    /** Open loop: every scheduled create so far. */
    List<Issue> issues() {
        return List.copyOf(issues);
    }

    void paid(String orderId, long at) {
        Order order = order(orderId);
        if (order.paid == 0) {
            order.paid = at;
        }
    }

    void success(String orderId, long at, long producedMicros) {
        Order order = order(orderId);
        if (order.success == 0) {
            order.successProduced = producedMicros;
            order.success = at;
        }
    }

    /** Orders whose create call was answered. */
    Map<String, Order> created() {
        Map<String, Order> created = new HashMap<>();
        orders.forEach((id, order) -> {
            if (order.createEnd != 0) {
                created.put(id, order);
            }
        });
        return created;
    }

    Collection<Order> all() {
        return orders.values();
    }

    long refusedCount() {
        return refused.get();
    }

    Map<String, Long> refusalsByReason() {
        Map<String, Long> copy = new LinkedHashMap<>();
        refusals.forEach((reason, count) -> copy.put(reason, count.get()));
        return copy;
    }

    /** Created orders answered by {@code at} that had not reached SUCCESS by then (as seen on the topic). */
    long backlogAt(long at) {
        long backlog = 0;
        for (Order order : orders.values()) {
            if (order.createEnd != 0 && order.createEnd <= at && (order.success == 0 || order.success > at)) {
                backlog++;
            }
        }
        return backlog;
    }
}
