package io.orderflow.benchmarks;

import io.orderflow.platform.outbox.Outbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * End-to-end latency at a steady offered rate: appender threads each commit one
 * OrderStatusChanged per transaction on a fixed schedule; the latency of an event runs from
 * its commit to the moment the idempotent consumer has committed its effect.
 */
final class EndToEndLatency {

    /** The binder names its listener threads after the consumer destination. */
    private static final String CONSUMER_THREAD =
            "KafkaConsumerDestination{consumerDestinationName='orderflow.order.status'";

    private static final long DRAIN_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

    /**
     * One run's figures.
     *
     * @param latencyMicros commit to applied, microseconds
     * @param relayMillis insert to marked published on the database clock: p50, p99, max
     * @param consumerCpuMicros CPU time of the consumer thread per applied event
     * @param jvmCpuMicros CPU time of the whole JVM (appenders, relay, broker, consumer) per sent event
     * @param load the machine's 1-minute load average at the end
     */
    record Result(
            int offeredRate,
            int threads,
            long sent,
            double achievedRate,
            long applied,
            double appliedRate,
            long unmatched,
            long lost,
            Histogram latencyMicros,
            double[] relayMillis,
            double consumerCpuMicros,
            double jvmCpuMicros,
            double load) {}

    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final LatencyProbe probe;

    EndToEndLatency(ConfigurableApplicationContext context) {
        this.outbox = context.getBean(Outbox.class);
        this.transactions = context.getBean(TransactionTemplate.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.probe = context.getBean(LatencyProbe.class);
    }

    Result run(int rate, Duration duration, int threads) throws InterruptedException {
        awaitDrained();
        jdbc.sql("truncate outbox_event").update();
        probe.drain();
        long consumerCpuBefore = ThreadCpu.nanos(CONSUMER_THREAD);
        long jvmCpuBefore = ThreadCpu.processNanos();
        Map<Long, Long> threadCpuBefore = ThreadCpu.snapshot();
        AtomicLong sent = new AtomicLong();
        AtomicLong lastCommit = new AtomicLong();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        long end = start + duration.toNanos();
        long interval = TimeUnit.SECONDS.toNanos(1) * threads / rate;
        List<Thread> appenders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long first = start + interval * t / threads;
            Thread appender = new Thread(() -> append(first, end, interval, sent, lastCommit), "appender-" + t);
            appenders.add(appender);
            appender.start();
        }
        for (Thread appender : appenders) {
            appender.join();
        }
        boolean drained = awaitDrained();
        long applied = probe.applied();
        long unmatched = probe.unmatched();
        double achieved = sent.get() / ((lastCommit.get() - start) / 1e9);
        double appliedRate = applied / ((probe.lastAppliedAt() - start) / 1e9);
        long lost = drained ? 0 : probe.inFlight();
        double consumerCpu = (ThreadCpu.nanos(CONSUMER_THREAD) - consumerCpuBefore) / 1e3 / Math.max(1, applied);
        double jvmCpu = (ThreadCpu.processNanos() - jvmCpuBefore) / 1e3 / Math.max(1, sent.get());
        if (Boolean.getBoolean("benchmark.thread-cpu")) {
            System.out.println("   CPU by thread at " + rate + "/s: " + ThreadCpu.top(threadCpuBefore, 12));
        }
        return new Result(
                rate,
                threads,
                sent.get(),
                achieved,
                applied,
                appliedRate,
                unmatched,
                lost,
                probe.drain(),
                relayMillis(),
                consumerCpu,
                jvmCpu,
                ThreadCpu.loadAverage());
    }

    private void append(long first, long end, long interval, AtomicLong sent, AtomicLong lastCommit) {
        for (long next = first; next < end; next += interval) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            transactions.executeWithoutResult(status -> {
                String ceId = outbox.append(BenchmarkEvents.statusChanged(BenchmarkEvents.newOrderId()));
                TransactionSynchronizationManager.registerSynchronization(new CommitClock(ceId));
            });
            sent.incrementAndGet();
            lastCommit.accumulateAndGet(System.nanoTime(), Math::max);
        }
    }

    private boolean awaitDrained() throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT_NANOS;
        while (probe.inFlight() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** p50, p99 and max of insert to marked published, in milliseconds on the database clock. */
    private double[] relayMillis() {
        return jdbc.sql("""
                select percentile_cont(0.5) within group (order by d), percentile_cont(0.99) within group (order by d),
                       max(d)
                from (select extract(epoch from published_at - created_at) * 1000 as d
                      from outbox_event where published_at is not null) delays""")
                .query((rs, row) -> new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3)})
                .single();
    }

    /** Takes the commit time before the outbox's own after-commit hook wakes the relay. */
    private final class CommitClock implements TransactionSynchronization {

        private final String ceId;

        CommitClock(String ceId) {
            this.ceId = ceId;
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        public void afterCommit() {
            probe.committed(ceId, System.nanoTime());
        }
    }
}
