package io.orderflow.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the outbox relay, under {@code orderflow.outbox}.
 *
 * @param relayEnabled whether this instance runs relay lanes at all (appending always works)
 * @param lanes relay lanes: the key space is split in this many slices, each published by
 *     one active relay (an advisory lock per lane), so per-key order holds at any count
 * @param batchSize events read, sent and acknowledged per round trip
 * @param pollInterval how long an idle lane waits before looking again (commits in this
 *     JVM wake it at once, so this only bounds the delay of events another process committed)
 * @param linger how long a lane woken by a commit waits for more commits before it reads its batch (default 0:
 *     at once); a few milliseconds batch the events of concurrent commits into one relay transaction
 * @param sendTimeout how long a batch waits for the broker's acknowledgements
 * @param retention how long published rows are kept before they are purged
 * @param processedRetention how long consumers remember processed {@code ce_id}s; keep it
 *     longer than the topics' retention
 * @param housekeepingInterval how often metrics are refreshed and old rows purged
 */
@ConfigurationProperties("orderflow.outbox")
public record OutboxProperties(
        Boolean relayEnabled,
        Integer lanes,
        Integer batchSize,
        Duration pollInterval,
        Duration linger,
        Duration sendTimeout,
        Duration retention,
        Duration processedRetention,
        Duration housekeepingInterval) {

    public OutboxProperties {
        relayEnabled = relayEnabled == null || relayEnabled;
        lanes = positive(lanes, 1, "lanes");
        batchSize = positive(batchSize, 500, "batch-size");
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        linger = linger == null ? Duration.ZERO : linger;
        if (linger.isNegative() || linger.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("orderflow.outbox.linger must be between 0 and 1 s, was " + linger);
        }
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
        retention = retention == null ? Duration.ofDays(7) : retention;
        processedRetention = processedRetention == null ? Duration.ofDays(14) : processedRetention;
        housekeepingInterval = housekeepingInterval == null ? Duration.ofSeconds(5) : housekeepingInterval;
        if (lanes > 1024) {
            throw new IllegalArgumentException("orderflow.outbox.lanes must be at most 1024, was " + lanes);
        }
    }

    private static int positive(Integer value, int fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value < 1) {
            throw new IllegalArgumentException("orderflow.outbox." + name + " must be positive, was " + value);
        }
        return value;
    }
}
