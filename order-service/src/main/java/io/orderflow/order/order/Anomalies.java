package io.orderflow.order.order;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.events.OrderAnomalyDetected;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores anomalies in {@code order_anomaly} and counts them in {@code orderflow.order.anomalies}
 * (tagged by kind) once their transaction commits, so a retried event is not counted twice.
 */
@Component
class Anomalies {

    static final String METRIC = "orderflow.order.anomalies";

    private final JdbcClient jdbc;
    private final MeterRegistry meters;

    Anomalies(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.meters = meters;
    }

    void record(OrderAnomalyDetected anomaly) {
        jdbc.sql("insert into order_anomaly (order_id, kind, detail, expected_fen, reported_fen, causation_id, "
                        + "detected_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        anomaly.orderId(),
                        anomaly.kind().name(),
                        anomaly.detail(),
                        anomaly.expectedFen(),
                        anomaly.reportedFen(),
                        anomaly.causationId(),
                        Timestamp.from(anomaly.detectedAt()))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                meters.counter(METRIC, "kind", anomaly.kind().name()).increment();
            }
        });
    }
}
