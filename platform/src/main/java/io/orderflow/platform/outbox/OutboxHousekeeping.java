package io.orderflow.platform.outbox;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Refreshes the backlog gauges and purges published outbox rows and old processed-message
 * records, in bounded chunks so a large purge never holds long locks.
 */
public class OutboxHousekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxHousekeeping.class);
    private static final int PURGE_CHUNK = 5_000;

    private final OutboxStore store;
    private final OutboxMetrics metrics;
    private final OutboxProperties properties;
    private ScheduledExecutorService scheduler;

    OutboxHousekeeping(OutboxStore store, OutboxMetrics metrics, OutboxProperties properties) {
        this.store = store;
        this.metrics = metrics;
        this.properties = properties;
    }

    /** One round: gauges, then purges. */
    public void runOnce() {
        metrics.backlog(store.backlog());
        int outbox = purge(() -> store.purgePublished(properties.retention(), PURGE_CHUNK));
        int processed = purge(() -> store.purgeProcessed(properties.processedRetention(), PURGE_CHUNK));
        if (outbox + processed > 0) {
            log.info("purged {} published outbox rows and {} processed-message records", outbox, processed);
        }
    }

    private static int purge(java.util.function.IntSupplier chunk) {
        int total = 0;
        int deleted;
        do {
            deleted = chunk.getAsInt();
            total += deleted;
        } while (deleted == PURGE_CHUNK);
        return total;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        long period = properties.housekeepingInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::runSafely, 0, period, TimeUnit.MILLISECONDS);
    }

    private void runSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("outbox housekeeping failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
