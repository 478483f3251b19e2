package io.orderflow.order.order;

import io.orderflow.events.OrderAnomalyDetected;
import io.orderflow.events.OrderflowEvent;
import io.orderflow.platform.outbox.Outbox;
import java.util.List;
import org.springframework.stereotype.Component;

/** Appends an order's events to the outbox in the current transaction; anomalies are also stored and counted. */
@Component
class OrderEvents {

    private final Outbox outbox;
    private final Anomalies anomalies;

    OrderEvents(Outbox outbox, Anomalies anomalies) {
        this.outbox = outbox;
        this.anomalies = anomalies;
    }

    void publish(List<OrderflowEvent> events) {
        for (OrderflowEvent event : events) {
            if (event instanceof OrderAnomalyDetected anomaly) {
                anomalies.record(anomaly);
            }
            outbox.append(event);
        }
    }
}
