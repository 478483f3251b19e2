package io.orderflow.reconcile.expiry;

import io.orderflow.platform.work.DueWorker;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the reconcile workers, under {@code orderflow.reconcile.worker}.
 *
 * @param threads worker threads per kind of work (each holds a database connection while it calls WeChat)
 * @param batchSize rows claimed per transaction
 * @param pollInterval how long an idle worker waits before looking for due rows again
 * @param initialBackoff delay before the first retry of a row that could not be settled; doubles per attempt
 * @param maxBackoff the longest delay between two attempts of a row
 * @param shutdownGrace how long stopping waits for running batches before interrupting them
 */
@ConfigurationProperties("orderflow.reconcile.worker")
public record WorkerSettings(
        Integer threads,
        Integer batchSize,
        Duration pollInterval,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration shutdownGrace)
        implements DueWorker.Settings {

    public WorkerSettings {
        threads = threads == null ? 2 : threads;
        batchSize = batchSize == null ? 8 : batchSize;
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(1) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(60) : maxBackoff;
        shutdownGrace = shutdownGrace == null ? Duration.ofSeconds(10) : shutdownGrace;
    }
}
