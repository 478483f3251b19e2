package io.orderflow.platform.outbox;

import io.orderflow.platform.work.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes the backlog gauges and purges published outbox rows and old processed-message
 * records, in bounded chunks so a large purge never holds long locks; {@link #schedule()} runs it every
 * housekeeping interval.
 */
public class OutboxHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(OutboxHousekeeping.class);
    private static final int PURGE_CHUNK = 5_000;

    private final OutboxStore store;
    private final OutboxMetrics metrics;
    private final OutboxProperties properties;

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

    /** Runs a round at start and every housekeeping interval after; a round that fails is logged. */
    PeriodicTask schedule() {
        return PeriodicTask.refreshing(
                "outbox-housekeeping",
                properties.housekeepingInterval(),
                this::runOnce,
                e -> log.warn("outbox housekeeping failed: {}", e.toString()));
    }
}
