package io.orderflow.reconcile.expiry;

import io.orderflow.events.CloseRequested;
import io.orderflow.events.OrderCreated;
import io.orderflow.events.OrderStatus;
import io.orderflow.events.OrderStatusChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Arms, fires and cancels expiry timers inside the consumer's transaction; the worker does the rest. */
public class ExpiryTimers {

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

    /** A final status ({@link OrderStatus#isFinal()}) settles the order: its timer is cancelled. */
    public void statusChanged(OrderStatusChanged changed) {
        if (changed.to().isFinal()) {
            timers.cancel(changed.orderId(), changed.order().expireAt());
        }
    }
}
