package io.orderflow.order.order.usecase;

import io.orderflow.events.OrderflowEvent;
import io.orderflow.events.PaymentNotified;
import io.orderflow.events.PaymentRequested;
import io.orderflow.events.PrepayFailed;
import io.orderflow.events.RefundNotified;
import io.orderflow.events.RefundRejected;
import io.orderflow.events.RefundSubmitted;
import io.orderflow.events.TimeoutExpired;
import io.orderflow.order.order.domain.Context;
import io.orderflow.order.order.domain.Order;
import io.orderflow.order.order.domain.PayParams;
import io.orderflow.order.order.domain.RefundChange;
import io.orderflow.order.order.domain.Trigger;
import io.orderflow.order.order.store.Orders;
import java.time.Clock;
import java.util.List;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Applies the other services' events to orders, each through the transition table, in the
 * transaction of the idempotent consumer. The order row is locked first, so events of one order
 * (from several topics) apply one after the other; an event for an unknown order fails (and is
 * retried, then dead-lettered).
 */
@Service
public class OrderLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrderLifecycle.class);

    private final Orders orders;
    private final OrderEventPublisher events;
    private final Clock clock;
    private final PayParamsSignal signal;
    private final FollowUps followUps;
    private final boolean refundPaidAfterClose;

    OrderLifecycle(
            Orders orders,
            OrderEventPublisher events,
            Clock clock,
            PayParamsSignal signal,
            FollowUps followUps,
            @Value("${orderflow.paid-after-close:refund}") String paidAfterClose) {
        this.orders = orders;
        this.events = events;
        this.clock = clock;
        this.signal = signal;
        this.followUps = followUps;
        this.refundPaidAfterClose = PaidAfterClose.refunds(paidAfterClose);
    }

    /** Applies one consumed event; {@code ceId} becomes the causation id of what it causes. */
    @Transactional
    public void on(OrderflowEvent event, String ceId) {
        if (event instanceof PaymentRequested requested) {
            wakeWaiters(
                    change(event, ceId, (order, c) -> order.paymentRequested(PayParams.of(requested.payParams()), c)));
        } else if (event instanceof PrepayFailed failed) {
            wakeWaiters(change(event, ceId, (order, c) -> order.apply(Trigger.PREPAY_FAILED, c)));
        } else if (event instanceof PaymentNotified notified) {
            change(event, ceId, (order, c) -> order.paymentNotified(notified, c));
        } else if (event instanceof TimeoutExpired) {
            change(event, ceId, (order, c) -> order.apply(Trigger.TIMEOUT_EXPIRED, c));
        } else if (event instanceof RefundSubmitted
                || event instanceof RefundRejected
                || event instanceof RefundNotified) {
            change(event, ceId, (order, c) -> order.refundChanged(RefundChange.of(event), c));
        } else {
            log.debug("order-service does not act on {}", event.getClass().getSimpleName());
        }
    }

    private Order change(OrderflowEvent event, String ceId, BiFunction<Order, Context, List<OrderflowEvent>> apply) {
        Order order = orders.lock(event.subject())
                .orElseThrow(() -> new UnknownOrderException(
                        event.subject(), event.getClass().getSimpleName()));
        Context context = new Context(clock.instant(), ceId, refundPaidAfterClose);
        List<OrderflowEvent> caused = apply.apply(order, context);
        orders.save(order);
        events.publish(order, caused);
        // what the change asks for besides (the refund of a payment after close) runs later, on its own
        followUps.schedule(order.terms().orderId(), order.takeFollowUps(), context.now());
        return order;
    }

    /**
     * A create call may wait for this order (Prefer: wait): on this replica at once, with the order as this
     * transaction stored it (nothing changes it after the commit), on the others by NOTIFY.
     */
    private void wakeWaiters(Order order) {
        String orderId = order.terms().orderId();
        signal.announce(orderId);
        afterCommit(() -> signal.stored(orderId, order));
    }

    private static void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
