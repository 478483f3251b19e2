package io.orderflow.reconcile.bill;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bill reconciliation, under {@code orderflow.reconcile.bill}.
 *
 * @param cron when the daily run starts, China time; WeChat's bills are ready from 10:00 the next day; "-" turns
 *     the daily run off
 * @param holdingDays how many days a near-midnight item missing from its own day's bill waits for a later bill
 *     before it counts; 0 counts it at once
 * @param crossDayMargin how near midnight (either side) an item must be to be held
 * @param retryAfter when a run that could not finish (bill still being generated, hash mismatch, WeChat
 *     unavailable) is tried again
 * @param maxAttempts runs of one day tried automatically, the first included
 * @param retryPoll how often due retries are looked for
 */
@ConfigurationProperties("orderflow.reconcile.bill")
public record BillSettings(
        String cron,
        int holdingDays,
        Duration crossDayMargin,
        Duration retryAfter,
        int maxAttempts,
        Duration retryPoll) {

    public BillSettings {
        cron = cron == null ? "0 30 10 * * *" : cron;
        crossDayMargin = crossDayMargin == null ? Duration.ofMinutes(10) : crossDayMargin;
        retryAfter = retryAfter == null ? Duration.ofMinutes(30) : retryAfter;
        maxAttempts = maxAttempts <= 0 ? 12 : maxAttempts;
        retryPoll = retryPoll == null ? Duration.ofMinutes(1) : retryPoll;
        if (holdingDays < 0) {
            throw new IllegalArgumentException("orderflow.reconcile.bill.holding-days cannot be negative");
        }
    }
}
