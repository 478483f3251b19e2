package io.orderflow.reconcile.expiry;

import io.orderflow.events.CloseRequested;
import io.orderflow.events.OrderCreated;
import io.orderflow.events.OrderStatus;
import io.orderflow.events.OrderStatusChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Arms, fires and cancels expiry timers inside the consumer's transaction; the worker does the rest. */
public class ExpiryTimers {

    static final Set<OrderStatus> TERMINAL = EnumSet.of(OrderStatus.SUCCESS, OrderStatus.FAILED, OrderStatus.CLOSED,
            OrderStatus.REFUND);

    private final Timers timers;
    private final Runnable wakeWorker;

    ExpiryTimers(Timers timers, Runnable wakeWorker) {
        this.timers = timers;
        this.wakeWorker = wakeWorker;
    }

    public void arm(OrderCreated order) {
        if (timers.arm(order.orderId(), order.mchid(), order.expireAt())) {
            wakeWorker.run();
        }
    }

    public void fireNow(CloseRequested close) {
        timers.fireNow(close.orderId(), close.mchid(), close.reason(), close.requestedAt());
        wakeWorker.run();
    }

    /** Timers overdue by more than {@code threshold}, oldest first (at most {@code limit}). */
    public List<OverdueTimer> overdue(Duration threshold, int limit) {
        return timers.overdue(Instant.now().minus(threshold), limit);
    }

    /** A terminal status settles the order: its timer is cancelled. */
    public void statusChanged(OrderStatusChanged changed) {
        if (TERMINAL.contains(changed.to())) {
            timers.cancel(changed.orderId(), changed.order().expireAt());
        }
    }
}
