package io.orderflow.payment.work;

import io.orderflow.platform.work.DueWorker;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the prepay and refund workers, under {@code orderflow.payment.worker}.
 *
 * @param threads worker threads per kind of work (each holds a database connection while it calls WeChat)
 * @param batchSize rows claimed per transaction
 * @param pollInterval how long an idle worker waits before looking for due rows again
 * @param initialBackoff delay before the first retry of a row whose call failed transiently; doubles per attempt
 * @param maxBackoff the longest delay between two attempts of a row
 * @param refreshLead how long before a prepay_id expires fresh pay params are fetched
 * @param prepayValidity how long WeChat honours a prepay_id (2 hours)
 * @param shutdownGrace how long stopping waits for running batches before interrupting them
 */
@ConfigurationProperties("orderflow.payment.worker")
public record WorkerProperties(
        Integer threads,
        Integer batchSize,
        Duration pollInterval,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration refreshLead,
        Duration prepayValidity,
        Duration shutdownGrace)
        implements DueWorker.Settings {

    public WorkerProperties {
        threads = threads == null ? 2 : threads;
        batchSize = batchSize == null ? 8 : batchSize;
        pollInterval = pollInterval == null ? Duration.ofMillis(200) : pollInterval;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(1) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(60) : maxBackoff;
        refreshLead = refreshLead == null ? Duration.ofMinutes(10) : refreshLead;
        prepayValidity = prepayValidity == null ? Duration.ofHours(2) : prepayValidity;
        shutdownGrace = shutdownGrace == null ? Duration.ofSeconds(10) : shutdownGrace;
    }
}
