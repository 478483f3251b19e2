package io.orderflow.notify.callback;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.platform.work.PeriodicTask;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failed callback verifications per source towards CALLBACK_VERIFICATION_BURST (ADR 0010, ADR 0015). A
 * request only adds to an in-memory tally: no database work, no lock, no pooled connection, so a flood of forged
 * callbacks cannot queue WeChat's genuine ones behind it. Every {@code flush-interval} one thread
 * ({@link #schedule()}) moves the tallies into {@link FailureBursts} in one transaction, where the counts of all
 * replicas meet under each source's row lock and an incident alerts once. The source is the remote address with
 * the URL's merchant; merchants not configured here share one key, and at most {@value #MAX_SOURCES} sources are
 * tallied between two flushes, so a caller cannot grow memory by inventing merchants or addresses.
 */
class VerificationFailures {

    static final String UNKNOWN = "-";
    static final int MAX_SOURCES = 10_000;
    /** Failures that point at forgery or replay; probes and malformed verified bodies are WeChat's own. */
    private static final Set<String> COUNTED = Set.of("BAD_SIGNATURE", "STALE_TIMESTAMP", "UNKNOWN_MERCHANT");

    private static final Comparator<Source> ORDER =
            Comparator.comparing(Source::address).thenComparing(Source::mchid);
    private static final Logger log = LoggerFactory.getLogger(VerificationFailures.class);

    /** Where failures come from: the remote address and the merchant of the URL (or {@value #UNKNOWN}). */
    record Source(String address, String mchid) {}

    private final Map<Source, FailureTally> pending = new ConcurrentHashMap<>();
    private final Predicate<String> knownMerchant;
    private final FailureBursts bursts;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration flushInterval;
    private final Counter untracked;

    VerificationFailures(
            Predicate<String> knownMerchant,
            FailureBursts bursts,
            TransactionTemplate transactions,
            MeterRegistry meters,
            Clock clock,
            Duration flushInterval) {
        this.knownMerchant = knownMerchant;
        this.bursts = bursts;
        this.transactions = transactions;
        this.clock = clock;
        this.flushInterval = flushInterval;
        this.untracked = Counter.builder("orderflow.notify.callbacks.failures.untracked")
                .description("failed verifications not tallied because too many sources failed within one flush")
                .register(meters);
    }

    /**
     * Tallies the failure in memory when it is one that counts; the next flush takes it to the database and logs
     * it.
     *
     * @return true when the failure counts (tallied, or over {@value #MAX_SOURCES} sources and only metered)
     */
    boolean failed(RawCallback callback, String reason) {
        if (!COUNTED.contains(reason)) {
            return false;
        }
        Source source =
                new Source(callback.remoteAddress(), knownMerchant.test(callback.mchid()) ? callback.mchid() : UNKNOWN);
        if (pending.size() >= MAX_SOURCES && !pending.containsKey(source)) {
            untracked.increment();
            return true;
        }
        pending.merge(source, FailureTally.one(clock.instant(), reason), FailureTally::plus);
        return true;
    }

    /**
     * Moves every tally into the database, sources in one order (so replicas flushing at once do not deadlock);
     * when the database refuses, the tallies return to memory for the next flush.
     *
     * @return how many incidents this flush opened (and so alerted)
     */
    synchronized int flush() {
        Map<Source, FailureTally> batch = new TreeMap<>(ORDER);
        for (Source source : pending.keySet()) {
            FailureTally tally = pending.remove(source);
            if (tally != null) {
                batch.put(source, tally);
            }
        }
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            Integer opened = transactions.execute(status -> (int) batch.entrySet().stream()
                    .filter(entry -> bursts.add(entry.getKey(), entry.getValue()))
                    .count());
            batch.forEach((source, tally) -> log.warn(
                    "{} callback(s) from {} for {} failed verification since {} " + "(latest: {})",
                    tally.count(),
                    source.address(),
                    UNKNOWN.equals(source.mchid()) ? "unknown merchants" : "merchant " + source.mchid(),
                    tally.first(),
                    tally.lastReason()));
            return opened == null ? 0 : opened;
        } catch (RuntimeException e) {
            batch.forEach((source, tally) -> pending.merge(source, tally, FailureTally::plus));
            throw e;
        }
    }

    /**
     * Flushes every {@code flush-interval}, and once more at stop so what is left reaches the database before it
     * goes away; a flush the database refuses is logged and its tallies wait for the next.
     */
    PeriodicTask schedule() {
        return PeriodicTask.flushing(
                "verification-failures-flush",
                flushInterval,
                this::flush,
                e -> log.warn("failed callback verifications not flushed, kept for the next flush: {}", e.toString()));
    }
}
