package io.orderflow.order.order;

import io.orderflow.events.OrderAnomalyDetected;
import io.orderflow.events.OrderStatusChanged;
import io.orderflow.events.OrderflowEvent;
import io.orderflow.order.risk.RiskAlerts;
import io.orderflow.platform.outbox.Outbox;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Appends an order's events to the outbox in the current transaction; anomalies are also stored and counted,
 * and those that put money at risk raise an alert (once per order and kind); transitions are counted.
 */
@Component
class OrderEvents {

    private final Outbox outbox;
    private final Anomalies anomalies;
    private final RiskAlerts alerts;
    private final TransitionMetrics transitions;

    OrderEvents(Outbox outbox, Anomalies anomalies, RiskAlerts alerts, TransitionMetrics transitions) {
        this.transitions = transitions;
        this.outbox = outbox;
        this.anomalies = anomalies;
        this.alerts = alerts;
    }

    void publish(Order order, List<OrderflowEvent> events) {
        for (OrderflowEvent event : events) {
            outbox.append(event);
            if (event instanceof OrderAnomalyDetected anomaly) {
                anomalies.record(anomaly);
                alerts.anomaly(anomaly, order.terms().mchid());
            } else if (event instanceof OrderStatusChanged changed) {
                transitions.committed(changed);
            }
        }
    }
}
