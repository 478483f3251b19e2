package io.orderflow.platform.work;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Threads that run one batch of due work after another while batches come back full, and
 * otherwise wait for a wake-up or the poll interval. A batch is one transaction of the
 * caller's ({@link DueBatch}, which keeps one bad row from failing the others); a batch that
 * fails all the same (the database is away) rolls back and its rows are due again. The shape
 * of every janitor-style worker in orderflow (prepay, refunds, expiry timers, active queries).
 */
public class DueWorker implements SmartLifecycle {

    /** How many threads, rows per batch, how long to wait when idle and how long to let batches finish. */
    public interface Settings {
        Integer threads();

        Integer batchSize();

        Duration pollInterval();

        Duration shutdownGrace();

        /** Delay before the first retry of a row that could not be settled. */
        Duration initialBackoff();

        /** The longest delay between two attempts of a row. */
        Duration maxBackoff();

        /** Delay before attempt {@code attempts + 1} after {@code attempts} failed ones: initial, doubling, capped. */
        default Duration backoff(int attempts) {
            Duration delay = initialBackoff();
            for (int i = 1; i < attempts && delay.compareTo(maxBackoff()) < 0; i++) {
                delay = delay.multipliedBy(2);
            }
            return delay.compareTo(maxBackoff()) > 0 ? maxBackoff() : delay;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(DueWorker.class);
    /** Shortest idle wait: rows due now but locked by another instance are looked at again after this. */
    private static final long MIN_IDLE_MS = 100;

    private final String name;
    private final int threads;
    private final int batchSize;
    private final Duration pollInterval;
    private final Duration shutdownGrace;
    private final IntSupplier batch;
    private final Supplier<Optional<Instant>> nextDue;
    private final Clock clock;
    private final Semaphore wakeups = new Semaphore(0);
    private final List<Thread> running = new ArrayList<>();
    private volatile boolean stopping;

    public DueWorker(String name, Settings properties, IntSupplier batch) {
        this(name, properties, batch, Optional::empty, Clock.systemUTC());
    }

    /**
     * A worker that, when idle, sleeps until its next row is due ({@code nextDue}, by {@code clock}, the clock the
     * rows' due times are written with) rather than polling: the poll interval then only bounds how late it notices
     * rows another instance wrote. Local writes wake it at once ({@link #wakeAfterCommit}).
     */
    public DueWorker(
            String name, Settings properties, IntSupplier batch, Supplier<Optional<Instant>> nextDue, Clock clock) {
        this.name = name;
        this.threads = properties.threads();
        this.batchSize = properties.batchSize();
        this.pollInterval = properties.pollInterval();
        this.shutdownGrace = properties.shutdownGrace();
        this.batch = batch;
        this.nextDue = nextDue;
        this.clock = clock;
    }

    /** The earliest due time a query answers ({@code select min(due_at) from … where …}), for {@code nextDue}. */
    public static Supplier<Optional<Instant>> earliest(JdbcClient jdbc, String sql) {
        return () -> {
            List<java.sql.Timestamp> earliest =
                    jdbc.sql(sql).query((rs, row) -> rs.getTimestamp(1)).list();
            return earliest.isEmpty() || earliest.get(0) == null
                    ? Optional.empty()
                    : Optional.of(earliest.get(0).toInstant());
        };
    }

    /** Wakes a waiting worker once the current transaction commits (at once without one). */
    public void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeups.release();
                }
            });
        } else {
            wakeups.release();
        }
    }

    private void loop() {
        while (!stopping) {
            int done = 0;
            try {
                done = batch.getAsInt();
            } catch (RuntimeException e) {
                log.warn("{} batch failed; its rows stay due: {}", name, e.toString());
            }
            if (done < batchSize) {
                await();
            }
        }
    }

    private void await() {
        try {
            // woken while the batch ran (busy): go again at once, without asking the database when the next row is due
            if (wakeups.tryAcquire()) {
                drainUnlessStopping();
                return;
            }
            if (wakeups.tryAcquire(idleFor().toMillis(), TimeUnit.MILLISECONDS)) {
                drainUnlessStopping();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    /**
     * Wake-ups that arrived meanwhile are one: this batch will see their rows. Not while stopping: a stop releases
     * one permit per thread, and draining them left the other threads asleep until their idle time ended, so every
     * stop of a worker with several threads waited out the grace period and interrupted them.
     */
    private void drainUnlessStopping() {
        if (!stopping) {
            wakeups.drainPermits();
        }
    }

    /** Until the next row is due, within [{@value #MIN_IDLE_MS} ms, poll interval]; the poll interval when unknown. */
    private Duration idleFor() {
        try {
            Optional<Instant> next = nextDue.get();
            if (next.isEmpty()) {
                return pollInterval;
            }
            Duration until = Duration.between(clock.instant(), next.get());
            Duration floor = Duration.ofMillis(MIN_IDLE_MS);
            return until.compareTo(floor) < 0 ? floor : until.compareTo(pollInterval) > 0 ? pollInterval : until;
        } catch (RuntimeException e) {
            log.debug("{} cannot read its next due time ({}); polling", name, e.toString());
            return pollInterval;
        }
    }

    @Override
    public synchronized void start() {
        stopping = false;
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(this::loop, name + "-" + i);
            thread.setDaemon(true);
            thread.start();
            running.add(thread);
        }
    }

    /**
     * Lets the current batches finish (their transactions commit or roll back) within the grace
     * period, then interrupts what is left: an interrupted batch rolls back and its rows stay due.
     */
    @Override
    public synchronized void stop() {
        stopping = true;
        long deadline = System.nanoTime() + shutdownGrace.toNanos();
        try {
            for (Thread thread : running) {
                long remainingMs;
                while (thread.isAlive() && (remainingMs = (deadline - System.nanoTime()) / 1_000_000) > 0) {
                    // again while waiting: a thread that woke just before the stop may have drained the permits
                    wakeups.release(threads);
                    thread.join(Math.min(remainingMs, 100));
                }
                if (thread.isAlive()) {
                    log.warn("{} still busy after {}; interrupting it", thread.getName(), shutdownGrace);
                    thread.interrupt();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return !running.isEmpty();
    }
}
