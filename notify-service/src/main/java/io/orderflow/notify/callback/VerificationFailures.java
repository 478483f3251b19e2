package io.orderflow.notify.callback;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.events.RiskAlertKind;
import io.orderflow.events.RiskAlertRaised;
import io.orderflow.platform.outbox.Outbox;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failed callback verifications per source in {@code callback_failure_burst} and raises
 * CALLBACK_VERIFICATION_BURST once per incident (see {@link FailureBurst}): a burst of forged, replayed or
 * misaddressed callbacks. The source is the remote address with the URL's merchant; merchants not configured
 * here share one key, so a caller cannot grow the table by inventing merchant ids.
 */
class VerificationFailures {

    static final String ALERTS = "orderflow.risk.alerts";
    static final String UNKNOWN = "-";
    /** Failures that point at forgery or replay; probes and malformed verified bodies are WeChat's own. */
    private static final Set<String> COUNTED = Set.of("BAD_SIGNATURE", "STALE_TIMESTAMP", "UNKNOWN_MERCHANT");
    private static final Logger log = LoggerFactory.getLogger(VerificationFailures.class);

    private final JdbcClient jdbc;
    private final Predicate<String> knownMerchant;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final Clock clock;
    private final long threshold;
    private final Duration window;

    VerificationFailures(JdbcClient jdbc, Predicate<String> knownMerchant, Outbox outbox,
                         TransactionTemplate transactions, MeterRegistry meters, Clock clock, long threshold,
                         Duration window) {
        this.jdbc = jdbc;
        this.knownMerchant = knownMerchant;
        this.outbox = outbox;
        this.transactions = transactions;
        this.meters = meters;
        this.clock = clock;
        this.threshold = threshold;
        this.window = window;
    }

    /** Records the failure; true when it opened an incident (and so raised the alert). */
    boolean failed(RawCallback callback, String reason) {
        if (!COUNTED.contains(reason)) {
            return false;
        }
        String mchid = knownMerchant.test(callback.mchid()) ? callback.mchid() : UNKNOWN;
        String address = callback.remoteAddress();
        Instant now = clock.instant();
        Boolean opened = transactions.execute(status -> {
            jdbc.sql("insert into callback_failure_burst (remote_address, mchid, window_start, failures, incident_id, "
                            + "last_failure_at) values (?, ?, ?, 0, null, ?) on conflict do nothing")
                    .params(address, mchid, Timestamp.from(now), Timestamp.from(now)).update();
            FailureBurst previous = jdbc.sql("select window_start, failures, incident_id, last_failure_at "
                            + "from callback_failure_burst where remote_address = ? and mchid = ? for update")
                    .params(address, mchid)
                    .query((rs, n) -> new FailureBurst(rs.getTimestamp(1).toInstant(), rs.getLong(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant()))
                    .single();
            FailureBurst.Step step = FailureBurst.next(previous, now, window, threshold, mchid + ":" + address);
            FailureBurst next = step.state();
            jdbc.sql("update callback_failure_burst set window_start = ?, failures = ?, incident_id = ?, "
                            + "last_failure_at = ? where remote_address = ? and mchid = ?")
                    .params(Timestamp.from(next.windowStart()), next.failures(), next.incidentId(),
                            Timestamp.from(next.lastFailureAt()), address, mchid)
                    .update();
            if (step.opensIncident()) {
                raise(next, mchid, address, reason, now);
            }
            return step.opensIncident();
        });
        return Boolean.TRUE.equals(opened);
    }

    private void raise(FailureBurst burst, String mchid, String address, String reason, Instant now) {
        String merchant = UNKNOWN.equals(mchid) ? null : mchid;
        RiskAlertRaised alert = new RiskAlertRaised(RiskAlertKind.CALLBACK_VERIFICATION_BURST + ":" + burst.incidentId(),
                RiskAlertKind.CALLBACK_VERIFICATION_BURST, null, merchant, null, address, burst.failures(), threshold,
                null, null, null, burst.windowStart(), now, null,
                burst.failures() + " callbacks from " + address + " for " + (merchant == null ? "unknown merchants"
                        : "merchant " + merchant) + " failed verification within " + window.toSeconds()
                        + " s (last: " + reason + ")", now);
        outbox.append(alert);
        // sources seen once long ago are of no use; an incident is rare enough to tidy up then
        jdbc.sql("delete from callback_failure_burst where last_failure_at < ? and incident_id is null")
                .param(Timestamp.from(now.minus(Duration.ofDays(1)))).update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                meters.counter(ALERTS, "kind", alert.kind().name()).increment();
                log.warn("risk alert {}: {}", alert.alertId(), alert.detail());
            }
        });
    }
}
