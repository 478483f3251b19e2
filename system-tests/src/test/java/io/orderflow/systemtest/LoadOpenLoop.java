package io.orderflow.systemtest;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The open loop's own figures for the window: how many creates were due, how many this JVM sent late
 * (more than {@link #LATE_MICROS} after they were due: every caller thread busy, or the load generator
 * short of CPU) or never sent, and the issue 17 target: at half the sustained rate, p99 create → pay
 * params and p99 paid → SUCCESS both under {@link #TARGET_MS}.
 *
 * @param offeredRate   the configured rate, creates per second
 * @param sustainedRate the closed loop's sustained rate given for comparison; 0 = not given
 */
record LoadOpenLoop(
        double offeredRate,
        double sustainedRate,
        double windowSeconds,
        long due,
        long late,
        long neverSent,
        double lagP50Ms,
        double lagP99Ms,
        double lagMaxMs) {

    static final long LATE_MICROS = 10_000;
    static final double TARGET_MS = 150;

    /** The creates due in {@code [start, end)} of the timeline's schedule. */
    static LoadOpenLoop of(LoadSettings settings, List<LoadTimeline.Issue> issues, long start, long end) {
        Histogram lag = new Histogram(3_600_000_000L, 3);
        long due = 0;
        long neverSent = 0;
        long late = 0;
        for (LoadTimeline.Issue issue : issues) {
            if (issue.scheduled() < start || issue.scheduled() >= end) {
                continue;
            }
            due++;
            if (issue.sent() == 0) {
                neverSent++;
                continue;
            }
            long micros = Math.max(0, issue.sent() - issue.scheduled());
            lag.recordValue(Math.min(micros, 3_600_000_000L));
            if (micros > LATE_MICROS) {
                late++;
            }
        }
        return new LoadOpenLoop(
                settings.rate(),
                settings.sustainedRate(),
                (end - start) / 1e6,
                due,
                late,
                neverSent,
                lag.getValueAtPercentile(50) / 1e3,
                lag.getValueAtPercentile(99) / 1e3,
                lag.getMaxValue() / 1e3);
    }

    /** Creates due per second in the window: the offered rate as the schedule actually ran. */
    double duePerSecond() {
        return due / windowSeconds;
    }

    /** The offered rate as a share of the sustained rate (NaN when that was not given). */
    double shareOfSustained() {
        return sustainedRate > 0 ? offeredRate / sustainedRate : Double.NaN;
    }

    /**
     * Both p99s under the target, and no create left out of them: every create due in the window answered
     * with pay params (a refused one, one whose wait ran out, or one never sent would otherwise not count
     * against the p99), and each of those reached SUCCESS after its payment.
     */
    boolean targetMet(LoadReport.Stage createToPayParams, LoadReport.Stage paidToSuccess) {
        return due > 0
                && createToPayParams.count() == due
                && paidToSuccess.count() == due
                && createToPayParams.p99() < TARGET_MS
                && paidToSuccess.p99() < TARGET_MS;
    }
}
