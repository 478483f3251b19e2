package io.orderflow.order.order.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.events.OrderAnomalyDetected;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts anomalies in {@code orderflow.order.anomalies} (tagged by kind) once their transaction commits, so a
 * retried event is not counted twice.
 */
@Component
public class AnomalyMetrics {

    public static final String METRIC = "orderflow.order.anomalies";

    private final MeterRegistry meters;

    AnomalyMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    public void detected(OrderAnomalyDetected anomaly) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                meters.counter(METRIC, "kind", anomaly.kind().name()).increment();
            }
        });
    }
}
