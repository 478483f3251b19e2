package io.orderflow.notify.callback;

import java.time.Duration;
import java.time.Instant;

/**
 * The state of one source's failed verifications, and its next state after more failures. Failures are
 * counted in a window that starts at the first failure after the previous window ended; reaching the
 * threshold inside a window opens an incident and alerts. While the incident is open, further failures
 * belong to it and do not alert again; it closes when a whole window passes without a failure.
 *
 * <p>Failures arrive in tallies (those one replica counted between two flushes, {@link VerificationFailures}):
 * a tally belongs to the window of its first failure, so a count may be early by at most one flush interval.
 *
 * @param windowStart when the current counting window began
 * @param failures failures in that window (or since the incident opened)
 * @param incidentId the open incident, or null
 * @param lastFailureAt the latest failure
 */
record FailureBurst(Instant windowStart, long failures, String incidentId, Instant lastFailureAt) {

    /**
     * The failures of {@code tally} added to {@code previous}.
     *
     * @param previous the state so far; null for a source never seen
     * @param source names the source in the incident id
     */
    static Step next(FailureBurst previous, FailureTally tally, Duration window, long threshold, String source) {
        Instant first = tally.first();
        Instant last = previous == null || tally.last().isAfter(previous.lastFailureAt())
                ? tally.last()
                : previous.lastFailureAt();
        if (previous != null
                && previous.incidentId() != null
                && !first.isAfter(previous.lastFailureAt().plus(window))) {
            return new Step(
                    new FailureBurst(
                            previous.windowStart(), previous.failures() + tally.count(), previous.incidentId(), last),
                    false);
        }
        boolean newWindow =
                previous == null || !first.isBefore(previous.windowStart().plus(window));
        Instant start = newWindow ? first : previous.windowStart();
        long failures = newWindow ? tally.count() : previous.failures() + tally.count();
        if (failures >= threshold) {
            return new Step(new FailureBurst(start, failures, source + ":" + last.toEpochMilli(), last), true);
        }
        return new Step(new FailureBurst(start, failures, null, last), false);
    }

    /**
     * The state after a tally of failures.
     *
     * @param state the new state
     * @param opensIncident true when this tally opened an incident: alert now, and only now
     */
    record Step(FailureBurst state, boolean opensIncident) {}
}
