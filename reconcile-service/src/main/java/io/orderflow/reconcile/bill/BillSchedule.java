package io.orderflow.reconcile.bill;

import io.orderflow.platform.wechatpay.MerchantClients;
import io.orderflow.platform.wechatpay.WechatPayClients;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily run of every configured merchant for yesterday (China time), and the retries of runs that could
 * not finish. Every replica schedules them: one run of a day at a time is enforced in the database, and a day
 * already settled is not run again by the schedule.
 */
class BillSchedule {

    private static final Logger log = LoggerFactory.getLogger(BillSchedule.class);

    private final Reconciliation reconciliation;
    private final WechatPayClients merchants;
    private final BillRuns runs;
    private final TransactionTemplate transactions;
    private final Clock clock;

    BillSchedule(
            Reconciliation reconciliation,
            WechatPayClients merchants,
            BillRuns runs,
            TransactionTemplate transactions,
            Clock clock) {
        this.reconciliation = reconciliation;
        this.merchants = merchants;
        this.runs = runs;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(cron = "${orderflow.reconcile.bill.cron:0 30 10 * * *}", zone = "Asia/Shanghai")
    void daily() {
        var day = reconciliation.yesterday();
        for (MerchantClients merchant : merchants.all()) {
            if (!reconciliation.settled(merchant.mchid(), day)) {
                runQuietly(merchant.mchid(), day, "SCHEDULED", 1);
            }
        }
    }

    @Scheduled(
            fixedDelayString = "${orderflow.reconcile.bill.retry-poll:PT1M}",
            initialDelayString = "${orderflow.reconcile.bill.retry-poll:PT1M}")
    void retries() {
        List<BillRun> due = transactions.execute(status -> runs.takeDueRetries(clock.instant()));
        for (BillRun run : due == null ? List.<BillRun>of() : due) {
            if (!reconciliation.settled(run.mchid(), run.billDate())) {
                runQuietly(run.mchid(), run.billDate(), "RETRY", run.attempt() + 1);
            }
        }
    }

    /** A scheduled run that fails is in bill_run and the metrics; the next merchant still runs. */
    private void runQuietly(String mchid, LocalDate day, String trigger, int attempt) {
        try {
            BillRun run = reconciliation.run(mchid, day, trigger, attempt).run();
            log.info(
                    "bill {} of {}: {} ({} discrepancies, {} repaired, {} held)",
                    day,
                    mchid,
                    run.outcome(),
                    run.discrepancies(),
                    run.repaired(),
                    run.held());
        } catch (RuntimeException e) {
            log.warn("bill {} of {} ({}): {}", day, mchid, trigger, e.toString());
        }
    }
}
