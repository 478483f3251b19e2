package io.orderflow.order.order.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.events.OrderStatusChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts transitions in {@code orderflow.order.transitions{from,to}} once their transaction has committed
 * (a rolled-back change did not happen); {@code from} is NONE for a new order.
 */
@Component
public class TransitionMetrics {

    static final String METRIC = "orderflow.order.transitions";

    private final MeterRegistry meters;

    TransitionMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    public void committed(OrderStatusChanged changed) {
        String from = changed.from() == null ? "NONE" : changed.from().name();
        String to = changed.to().name();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                meters.counter(METRIC, "from", from, "to", to).increment();
            }
        });
    }
}
