package io.orderflow.order.order.usecase;

import io.orderflow.events.OrderAnomalyDetected;
import io.orderflow.events.OrderStatusChanged;
import io.orderflow.events.OrderflowEvent;
import io.orderflow.order.order.domain.Order;
import io.orderflow.order.order.metrics.AnomalyMetrics;
import io.orderflow.order.order.metrics.TransitionMetrics;
import io.orderflow.order.order.store.AnomalyLog;
import io.orderflow.order.risk.RiskAlerts;
import io.orderflow.platform.outbox.Outbox;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Publishes the events an order change caused: each goes to the outbox in the current transaction, and to
 * whatever must commit with it: an anomaly to the {@link AnomalyLog}, its counter and, when money is at risk,
 * the {@link RiskAlerts}; a status change to the transition counter.
 */
@Component
class OrderEventPublisher {

    private final Outbox outbox;
    private final AnomalyLog anomalies;
    private final AnomalyMetrics anomalyMetrics;
    private final RiskAlerts alerts;
    private final TransitionMetrics transitions;

    OrderEventPublisher(
            Outbox outbox,
            AnomalyLog anomalies,
            AnomalyMetrics anomalyMetrics,
            RiskAlerts alerts,
            TransitionMetrics transitions) {
        this.outbox = outbox;
        this.anomalies = anomalies;
        this.anomalyMetrics = anomalyMetrics;
        this.alerts = alerts;
        this.transitions = transitions;
    }

    void publish(Order order, List<OrderflowEvent> events) {
        for (OrderflowEvent event : events) {
            outbox.append(event);
            if (event instanceof OrderAnomalyDetected anomaly) {
                anomalies.record(anomaly);
                anomalyMetrics.detected(anomaly);
                alerts.anomaly(anomaly, order.terms().mchid());
            } else if (event instanceof OrderStatusChanged changed) {
                transitions.committed(changed);
            }
        }
    }
}
