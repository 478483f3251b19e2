package io.orderflow.reconcile.bill;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.events.DiscrepancyFound;
import io.orderflow.events.ReconciliationCompleted;
import io.orderflow.events.RiskAlertKind;
import io.orderflow.events.RiskAlertRaised;
import io.orderflow.platform.outbox.Outbox;
import io.orderflow.platform.wechatpay.WechatPayClients;
import io.orderflow.platform.wechatpay.WechatPayRejected;
import io.orderflow.platform.wechatpay.WechatPayUnavailable;
import io.orderflow.reconcile.ledger.Ledger;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reconciles one merchant's day: fetch and verify the bill, compare both ways, repair what a query confirms,
 * then store the run with its discrepancies and announce them in one transaction (DiscrepancyFound once per
 * discrepancy ever, ReconciliationCompleted once per run that reached a verdict).
 */
public class Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);
    /** The alerts counter, as order-service and notify-service name it. */
    static final String RISK_ALERTS = "orderflow.risk.alerts";

    private final WechatPayClients merchants;
    private final BillFetcher fetcher;
    private final BillComparison comparison;
    private final BillRepair repair;
    private final BillRuns runs;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final BillSettings settings;
    private final Clock clock;
    private final MeterRegistry meters;

    Reconciliation(
            WechatPayClients merchants,
            BillFetcher fetcher,
            BillComparison comparison,
            BillRepair repair,
            BillRuns runs,
            Outbox outbox,
            TransactionTemplate transactions,
            BillSettings settings,
            Clock clock,
            MeterRegistry meters) {
        this.merchants = merchants;
        this.fetcher = fetcher;
        this.comparison = comparison;
        this.repair = repair;
        this.runs = runs;
        this.outbox = outbox;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * @throws InvalidBillDate outside WeChat's window (the last three months up to yesterday, China time)
     * @throws WechatPayClients.UnknownMerchantException for a merchant without configured keys
     * @throws RunInProgress while another run of the day is running
     */
    public BillDay run(String mchid, LocalDate billDate, String trigger, int attempt) {
        checkDate(billDate);
        merchants.merchant(mchid);
        String runId = runs.start(mchid, billDate, trigger, attempt, clock.instant());
        RunOutcome outcome;
        try {
            outcome = reconcile(runId, mchid, billDate, attempt);
        } catch (RuntimeException e) {
            runs.finish(
                    runId,
                    RunOutcome.FAILED,
                    e.getClass().getSimpleName() + ": " + e.getMessage(),
                    null,
                    0,
                    null,
                    clock.instant());
            meters.counter("orderflow.reconcile.bill.runs", "outcome", RunOutcome.FAILED.name())
                    .increment();
            throw e;
        }
        meters.counter("orderflow.reconcile.bill.runs", "outcome", outcome.name())
                .increment();
        return day(mchid, billDate).orElseThrow();
    }

    /** The day's latest run and what it found. */
    public Optional<BillDay> day(String mchid, LocalDate billDate) {
        return runs.latest(mchid, billDate).map(run -> new BillDay(run, runs.discrepancies(run.runId())));
    }

    public boolean settled(String mchid, LocalDate billDate) {
        return runs.settled(mchid, billDate);
    }

    /** Yesterday in China time: the newest day WeChat has a bill for. */
    public LocalDate yesterday() {
        return LocalDate.now(clock.withZone(Ledger.CHINA)).minusDays(1);
    }

    private RunOutcome reconcile(String runId, String mchid, LocalDate billDate, int attempt) {
        BillFetcher.Fetched fetched;
        try {
            fetched = fetcher.fetch(mchid, billDate);
        } catch (WechatPayUnavailable | WechatPayRejected | UncheckedIOException e) {
            return later(runId, attempt, RunOutcome.UNAVAILABLE, e.getMessage());
        }
        if (fetched instanceof BillFetcher.NoStatement) {
            return complete(
                    runId, mchid, billDate, RunOutcome.NO_STATEMENT, comparison.compareWithoutBill(mchid, billDate));
        }
        if (fetched instanceof BillFetcher.StatementCreating) {
            return later(runId, attempt, RunOutcome.STATEMENT_CREATING, "WeChat is still generating the bill");
        }
        if (fetched instanceof BillFetcher.Downloaded downloaded) {
            return compareFile(runId, mchid, billDate, downloaded);
        }
        log.warn("trade bill of {} for {} failed its SHA-1 check; run {} ignores it", mchid, billDate, runId);
        return later(
                runId,
                attempt,
                RunOutcome.HASH_MISMATCH,
                "the downloaded file's SHA-1 differs from WeChat's hash_value");
    }

    private RunOutcome compareFile(String runId, String mchid, LocalDate billDate, BillFetcher.Downloaded downloaded) {
        try (InputStream in = Files.newInputStream(downloaded.file())) {
            return complete(runId, mchid, billDate, RunOutcome.COMPLETED, comparison.compare(mchid, billDate, in));
        } catch (MalformedBill e) {
            runs.finish(runId, RunOutcome.MALFORMED, e.getMessage(), null, 0, null, clock.instant());
            return RunOutcome.MALFORMED;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            BillFetcher.delete(downloaded.file());
        }
    }

    private RunOutcome later(String runId, int attempt, RunOutcome outcome, String detail) {
        Instant now = clock.instant();
        Instant retryAt = attempt < settings.maxAttempts() ? now.plus(settings.retryAfter()) : null;
        runs.finish(runId, outcome, detail, null, 0, retryAt, now);
        return outcome;
    }

    private RunOutcome complete(String runId, String mchid, LocalDate billDate, RunOutcome outcome, Comparison c) {
        List<Discrepancy> discrepancies = c.discrepancies().stream()
                .map(d -> repair.repair(runId, mchid, d))
                .toList();
        long repaired = discrepancies.stream().filter(Discrepancy::repaired).count();
        Instant startedAt = runs.latest(mchid, billDate).orElseThrow().startedAt();
        transactions.executeWithoutResult(status -> {
            Instant now = clock.instant();
            for (Discrepancy d : discrepancies) {
                if (runs.record(runId, mchid, billDate, d, now)) {
                    outbox.append(event(runId, mchid, billDate, d, now));
                    meters.counter(
                                    "orderflow.reconcile.discrepancies",
                                    "kind",
                                    d.kind().name())
                            .increment();
                    if (!d.repaired()) {
                        // money may be at risk and nobody fixed it: page someone, once per discrepancy ever
                        outbox.append(alert(runs.shopOf(d.orderId()).orElse(null), mchid, billDate, d, now));
                        meters.counter(RISK_ALERTS, "kind", RiskAlertKind.RECONCILIATION_DISCREPANCY.name())
                                .increment();
                    }
                }
            }
            runs.finish(runId, outcome, null, c, repaired, null, now);
            outbox.append(new ReconciliationCompleted(
                    runId,
                    mchid,
                    billDate,
                    c.rows(),
                    c.matched(),
                    discrepancies.size(),
                    repaired,
                    c.held(),
                    c.wechatSuccessFen(),
                    c.wechatRefundFen(),
                    c.localSuccessFen(),
                    c.localRefundFen(),
                    startedAt,
                    now));
        });
        return outcome;
    }

    /**
     * The risk alert of a discrepancy no query could repair, naming the order's shop when the ledger knows it
     * (not for a payment only WeChat saw); its id names the discrepancy (merchant, day, kind, item) as
     * {@code bill_discrepancy}'s key does, so it is the same on every redelivery.
     */
    static RiskAlertRaised alert(String shopId, String mchid, LocalDate billDate, Discrepancy d, Instant now) {
        return new RiskAlertRaised(
                RiskAlertKind.RECONCILIATION_DISCREPANCY + ":" + mchid + ":" + billDate + ":" + d.kind() + ":"
                        + d.itemKey(),
                RiskAlertKind.RECONCILIATION_DISCREPANCY,
                shopId,
                mchid,
                d.orderId(),
                null,
                null,
                null,
                d.wechatAmountFen(),
                d.localAmountFen(),
                null,
                null,
                null,
                null,
                d.kind() + " in the bill of " + billDate + ": " + d.detail(),
                now);
    }

    private static DiscrepancyFound event(String runId, String mchid, LocalDate billDate, Discrepancy d, Instant now) {
        return new DiscrepancyFound(
                runId,
                mchid,
                billDate,
                d.orderId(),
                d.outRefundNo(),
                d.transactionId(),
                d.kind(),
                d.wechatAmountFen(),
                d.localAmountFen(),
                d.wechatStatus(),
                d.localStatus(),
                d.detail(),
                d.repaired(),
                now);
    }

    private void checkDate(LocalDate billDate) {
        LocalDate yesterday = yesterday();
        LocalDate oldest = yesterday.plusDays(1).minusMonths(3);
        if (billDate.isAfter(yesterday) || billDate.isBefore(oldest)) {
            throw new InvalidBillDate("bill_date " + billDate + " is outside WeChat's window: from " + oldest + " to "
                    + yesterday + " (China time); a day's bill exists from the next morning");
        }
    }
}
