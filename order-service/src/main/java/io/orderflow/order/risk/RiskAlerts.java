package io.orderflow.order.risk;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.events.AnomalyKind;
import io.orderflow.events.OrderAnomalyDetected;
import io.orderflow.events.RiskAlertKind;
import io.orderflow.events.RiskAlertRaised;
import io.orderflow.platform.outbox.Outbox;
import java.sql.Timestamp;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Raises RiskAlertRaised once per incident: the alert id names the incident and {@code risk_alert} keeps it
 * unique, so redeliveries, a second observation (a callback and then a query reporting the same wrong
 * amount) and other replicas do not raise it again. The event goes to the outbox in the caller's
 * transaction; {@code orderflow.risk.alerts} (tagged by kind) counts it after commit.
 */
@Component
public class RiskAlerts {

    static final String METRIC = "orderflow.risk.alerts";
    private static final Logger log = LoggerFactory.getLogger(RiskAlerts.class);
    private static final Map<AnomalyKind, RiskAlertKind> MONEY_AT_RISK = Map.of(
            AnomalyKind.AMOUNT_MISMATCH, RiskAlertKind.AMOUNT_MISMATCH,
            AnomalyKind.MERCHANT_MISMATCH, RiskAlertKind.MERCHANT_MISMATCH,
            AnomalyKind.PAID_AFTER_CLOSE, RiskAlertKind.PAID_AFTER_CLOSE);

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final MeterRegistry meters;

    RiskAlerts(JdbcClient jdbc, Outbox outbox, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.meters = meters;
    }

    /**
     * Alerts on an anomaly that puts money at risk (a mismatching payment, a payment after close), once per
     * order and kind. Other anomalies (an ABNORMAL refund) are recorded and counted as anomalies only.
     */
    public void anomaly(OrderAnomalyDetected anomaly, String mchid) {
        RiskAlertKind kind = MONEY_AT_RISK.get(anomaly.kind());
        if (kind == null) {
            return;
        }
        raise(new RiskAlertRaised(
                kind + ":" + anomaly.orderId(),
                kind,
                anomaly.shopId(),
                mchid,
                anomaly.orderId(),
                null,
                null,
                null,
                anomaly.reportedFen(),
                anomaly.expectedFen(),
                null,
                null,
                null,
                anomaly.causationId(),
                anomaly.detail(),
                anomaly.detectedAt()));
    }

    /** Raises the alert in the current transaction unless its incident was raised before; true when raised now. */
    public boolean raise(RiskAlertRaised alert) {
        boolean first = jdbc.sql("insert into risk_alert (alert_id, kind, shop_id, order_id, raised_at) "
                                + "values (?, ?, ?, ?, ?) on conflict (alert_id) do nothing")
                        .params(
                                alert.alertId(),
                                alert.kind().name(),
                                alert.shopId(),
                                alert.orderId(),
                                Timestamp.from(alert.raisedAt()))
                        .update()
                == 1;
        if (!first) {
            return false;
        }
        outbox.append(alert);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                meters.counter(METRIC, "kind", alert.kind().name()).increment();
                log.warn("risk alert {}: {}", alert.alertId(), alert.detail());
            }
        });
        return true;
    }
}
