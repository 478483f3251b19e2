package io.orderflow.benchmarks;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Matches each event's commit (by {@code ce_id}) with the moment the consumer has applied
 * it, both on this JVM's {@link System#nanoTime()} clock, and records the difference in
 * microseconds.
 */
public class LatencyProbe {

    private final Map<String, Long> committedAt = new ConcurrentHashMap<>();
    private final Recorder recorder = new Recorder(3);
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong unmatched = new AtomicLong();
    private volatile long lastAppliedAt;

    /** Called right after the appending transaction committed. */
    void committed(String ceId, long nanoTime) {
        committedAt.put(ceId, nanoTime);
    }

    /** Called once the consumer's transaction (dedup record + effect) has committed. */
    void applied(String ceId) {
        long now = System.nanoTime();
        Long committed = ceId == null ? null : committedAt.remove(ceId);
        if (committed == null) {
            unmatched.incrementAndGet();
            return;
        }
        recorder.recordValue(Math.max(0, (now - committed) / 1_000));
        applied.incrementAndGet();
        lastAppliedAt = now;
    }

    /** Committed events the consumer has not applied yet. */
    int inFlight() {
        return committedAt.size();
    }

    long applied() {
        return applied.get();
    }

    long unmatched() {
        return unmatched.get();
    }

    long lastAppliedAt() {
        return lastAppliedAt;
    }

    /** Latencies (microseconds) recorded since the previous call, and a fresh start of the counters. */
    Histogram drain() {
        applied.set(0);
        unmatched.set(0);
        return recorder.getIntervalHistogram();
    }
}
