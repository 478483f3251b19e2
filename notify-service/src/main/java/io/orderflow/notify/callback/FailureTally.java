package io.orderflow.notify.callback;

import java.time.Instant;

/**
 * Failed verifications of one source counted in memory since the last flush: how many, the first and the latest,
 * and the reason of the latest. Immutable, so that {@code ConcurrentHashMap.merge} adds to it atomically.
 */
record FailureTally(long count, Instant first, Instant last, String lastReason) {

    static FailureTally one(Instant at, String reason) {
        return new FailureTally(1, at, at, reason);
    }

    FailureTally plus(FailureTally other) {
        boolean otherIsLater = other.last.isAfter(last);
        return new FailureTally(
                count + other.count,
                other.first.isBefore(first) ? other.first : first,
                otherIsLater ? other.last : last,
                otherIsLater ? other.lastReason : lastReason);
    }
}
