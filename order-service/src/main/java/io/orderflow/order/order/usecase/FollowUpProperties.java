package io.orderflow.order.order.usecase;

import io.orderflow.platform.work.DueWorker;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the follow-up worker, under {@code orderflow.follow-ups}.
 *
 * @param threads worker threads
 * @param batchSize follow-ups taken per round (each in its own transaction)
 * @param pollInterval how long an idle worker waits before looking again (a new follow-up wakes it at once)
 * @param initialBackoff delay before the first retry of a failed follow-up; doubles per attempt
 * @param maxBackoff the longest delay between two attempts
 * @param alertAfterAttempts failed attempts after which RiskAlertRaised AUTOMATIC_REFUND_FAILED is raised (once)
 * @param shutdownGrace how long stopping waits for a running follow-up
 */
@ConfigurationProperties("orderflow.follow-ups")
record FollowUpProperties(
        Integer threads,
        Integer batchSize,
        Duration pollInterval,
        Duration initialBackoff,
        Duration maxBackoff,
        Integer alertAfterAttempts,
        Duration shutdownGrace)
        implements DueWorker.Settings {

    FollowUpProperties {
        threads = threads == null ? 1 : threads;
        batchSize = batchSize == null ? 16 : batchSize;
        pollInterval = pollInterval == null ? Duration.ofSeconds(10) : pollInterval;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(5) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(10) : maxBackoff;
        alertAfterAttempts = alertAfterAttempts == null ? 3 : alertAfterAttempts;
        shutdownGrace = shutdownGrace == null ? Duration.ofSeconds(10) : shutdownGrace;
    }
}
