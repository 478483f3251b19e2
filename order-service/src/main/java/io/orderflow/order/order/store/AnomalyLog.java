package io.orderflow.order.order.store;

import io.orderflow.events.OrderAnomalyDetected;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores anomalies in {@code order_anomaly}, in the transaction that detected them. */
@Repository
public class AnomalyLog {

    private final JdbcClient jdbc;

    AnomalyLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(OrderAnomalyDetected anomaly) {
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
    }
}
