package io.orderflow.platform.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the outbox. Each lane is a thread that, in one database transaction, takes the
 * lane's advisory lock (so exactly one instance of the service relays a lane at a time),
 * reads the oldest pending events of its key slice, sends them, waits for the broker and
 * marks the acknowledged ones published. A relay killed between send and mark rolls back
 * and the next holder re-sends: delivery is at least once, and consumers deduplicate.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final Duration LANE_BUSY_RETRY = Duration.ofMillis(200);

    private final OutboxStore store;
    private final OutboxPublisher publisher;
    private final TransactionTemplate transactions;
    private final OutboxProperties properties;
    private final OutboxMetrics metrics;
    private final List<Semaphore> wakeUps = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong passes = new AtomicLong();

    OutboxRelay(
            OutboxStore store,
            OutboxPublisher publisher,
            TransactionTemplate transactions,
            OutboxProperties properties,
            OutboxMetrics metrics) {
        this.store = store;
        this.publisher = publisher;
        this.transactions = transactions;
        this.properties = properties;
        this.metrics = metrics;
        for (int lane = 0; lane < properties.lanes(); lane++) {
            wakeUps.add(new Semaphore(0));
        }
    }

    /**
     * Publishes one batch of a lane.
     *
     * @return events marked published, or -1 when another instance holds the lane
     */
    public int relayOnce(int lane) {
        Integer published = transactions.execute(status -> {
            // the lock's statement also lets this transaction commit without waiting for the disk: a mark lost in
            // a crash only re-sends events, which consumers drop by ce_id; the events were committed durably
            Optional<List<PendingEvent>> pending =
                    store.lockLaneAndReadPending(lane, properties.lanes(), properties.batchSize());
            if (pending.isEmpty()) {
                return -1;
            }
            List<PendingEvent> batch = pending.get();
            if (batch.isEmpty()) {
                return 0;
            }
            long started = System.nanoTime();
            List<Long> acknowledged = publisher.publish(batch);
            store.markPublished(acknowledged);
            metrics.batchSent(acknowledged.size(), batch.size() - acknowledged.size(), System.nanoTime() - started);
            return acknowledged.size();
        });
        passes.incrementAndGet();
        return published == null ? 0 : published;
    }

    /** How many times a lane has looked at the outbox since this relay was made (for tests to know it is idle). */
    long passes() {
        return passes.get();
    }

    /** Called after a commit that appended events: lanes look at once instead of at their next poll. */
    void wakeUp() {
        for (Semaphore wakeUp : wakeUps) {
            if (wakeUp.availablePermits() == 0) {
                wakeUp.release();
            }
        }
    }

    @Override
    public void start() {
        if (!properties.relayEnabled() || !running.compareAndSet(false, true)) {
            return;
        }
        for (int lane = 0; lane < properties.lanes(); lane++) {
            int owned = lane;
            Thread thread = new Thread(() -> run(owned), "outbox-relay-" + lane);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void run(int lane) {
        Duration backoff = properties.pollInterval();
        while (running.get()) {
            try {
                int published = relayOnce(lane);
                backoff = properties.pollInterval();
                if (published < 0) {
                    // another instance is relaying this lane right now: look again soon, it may leave our events
                    idle(
                            lane,
                            LANE_BUSY_RETRY.compareTo(properties.pollInterval()) < 0
                                    ? LANE_BUSY_RETRY
                                    : properties.pollInterval());
                } else if (published < properties.batchSize() && idle(lane, properties.pollInterval())) {
                    linger();
                }
            } catch (RuntimeException e) {
                log.warn("outbox relay lane {} failed; retrying in {}: {}", lane, backoff, e.toString());
                idle(lane, backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** Waits until woken by a commit or for {@code duration}; true when a commit woke it. */
    private boolean idle(int lane, Duration duration) {
        try {
            boolean woken = wakeUps.get(lane).tryAcquire(duration.toMillis(), TimeUnit.MILLISECONDS);
            wakeUps.get(lane).drainPermits();
            return woken;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
            return false;
        }
    }

    /**
     * After a wake-up, lets the commits of the next {@code linger} join the batch (as a Kafka producer's
     * {@code linger.ms}): one relay transaction and one produce request for several events instead of one each,
     * and consumers downstream receive them together too. Zero relays at once.
     */
    private void linger() {
        if (!properties.linger().isZero()) {
            LockSupport.parkNanos(properties.linger().toNanos());
        }
    }

    @Override
    public void stop() {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        wakeUp();
        for (Thread thread : threads) {
            try {
                thread.join(properties.sendTimeout().plusSeconds(1).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    /**
     * Stops before the output bindings (phase {@code Integer.MIN_VALUE + 1000}) so an in-flight
     * batch finishes; what commits after that waits in the outbox for the next instance.
     */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
