package io.orderflow.notify.callback;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.events.RiskAlertKind;
import io.orderflow.events.RiskAlertRaised;
import io.orderflow.platform.outbox.Outbox;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The {@code callback_failure_burst} table: each source's count across all replicas, advanced by one tally at a
 * time under the source's row lock (so replicas flushing at once still open an incident once), and the
 * CALLBACK_VERIFICATION_BURST alert appended in the same transaction. Only flushes come here, never requests.
 */
class FailureBursts {

    static final String ALERTS = "orderflow.risk.alerts";
    private static final Logger log = LoggerFactory.getLogger(FailureBursts.class);

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final MeterRegistry meters;
    private final Clock clock;
    private final long threshold;
    private final Duration window;

    FailureBursts(JdbcClient jdbc, Outbox outbox, MeterRegistry meters, Clock clock, long threshold, Duration window) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.meters = meters;
        this.clock = clock;
        this.threshold = threshold;
        this.window = window;
    }

    /** Adds the tally to the source's count inside the caller's transaction; true when it opened an incident. */
    boolean add(VerificationFailures.Source source, FailureTally tally) {
        jdbc.sql("insert into callback_failure_burst (remote_address, mchid, window_start, failures, incident_id, "
                        + "last_failure_at) values (?, ?, ?, 0, null, ?) on conflict do nothing")
                .params(source.address(), source.mchid(), Timestamp.from(tally.first()), Timestamp.from(tally.first()))
                .update();
        FailureBurst previous = jdbc.sql("select window_start, failures, incident_id, last_failure_at "
                        + "from callback_failure_burst where remote_address = ? and mchid = ? for update")
                .params(source.address(), source.mchid())
                .query((rs, n) -> new FailureBurst(
                        rs.getTimestamp(1).toInstant(),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .single();
        FailureBurst.Step step = FailureBurst.next(
                previous.failures() == 0 ? null : previous,
                tally,
                window,
                threshold,
                source.mchid() + ":" + source.address());
        FailureBurst next = step.state();
        jdbc.sql("update callback_failure_burst set window_start = ?, failures = ?, incident_id = ?, "
                        + "last_failure_at = ? where remote_address = ? and mchid = ?")
                .params(
                        Timestamp.from(next.windowStart()),
                        next.failures(),
                        next.incidentId(),
                        Timestamp.from(next.lastFailureAt()),
                        source.address(),
                        source.mchid())
                .update();
        if (step.opensIncident()) {
            raise(next, source, tally.lastReason());
        }
        return step.opensIncident();
    }

    private void raise(FailureBurst burst, VerificationFailures.Source source, String reason) {
        Instant now = clock.instant();
        String merchant = VerificationFailures.UNKNOWN.equals(source.mchid()) ? null : source.mchid();
        String address = source.address();
        RiskAlertRaised alert = new RiskAlertRaised(
                RiskAlertKind.CALLBACK_VERIFICATION_BURST + ":" + burst.incidentId(),
                RiskAlertKind.CALLBACK_VERIFICATION_BURST,
                null,
                merchant,
                null,
                address,
                burst.failures(),
                threshold,
                null,
                null,
                null,
                burst.windowStart(),
                now,
                null,
                burst.failures() + " callbacks from " + address + " for "
                        + (merchant == null ? "unknown merchants" : "merchant " + merchant)
                        + " failed verification within " + window.toSeconds()
                        + " s (last: " + reason + ")",
                now);
        outbox.append(alert);
        // sources seen once long ago are of no use; an incident is rare enough to tidy up then
        jdbc.sql("delete from callback_failure_burst where last_failure_at < ? and incident_id is null")
                .param(Timestamp.from(now.minus(Duration.ofDays(1))))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                meters.counter(ALERTS, "kind", alert.kind().name()).increment();
                log.warn("risk alert {}: {}", alert.alertId(), alert.detail());
            }
        });
    }
}
