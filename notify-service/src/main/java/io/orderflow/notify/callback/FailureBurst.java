package io.orderflow.notify.callback;

import java.time.Duration;
import java.time.Instant;

/**
 * The state of one source's failed verifications, and its next state after one more failure. Failures are
 * counted in a window that starts at the first failure after the previous window ended; reaching the
 * threshold inside a window opens an incident and alerts. While the incident is open, further failures
 * belong to it and do not alert again; it closes when a whole window passes without a failure.
 *
 * @param windowStart when the current counting window began
 * @param failures failures in that window (or since the incident opened)
 * @param incidentId the open incident, or null
 * @param lastFailureAt the latest failure
 */
record FailureBurst(Instant windowStart, long failures, String incidentId, Instant lastFailureAt) {

    /**
     * One more failure at {@code now}.
     *
     * @param previous the state so far; null for a source never seen
     * @param source names the source in the incident id
     */
    static Step next(FailureBurst previous, Instant now, Duration window, long threshold, String source) {
        if (previous != null && previous.incidentId() != null
                && !now.isAfter(previous.lastFailureAt().plus(window))) {
            return new Step(new FailureBurst(previous.windowStart(), previous.failures() + 1, previous.incidentId(),
                    now), false);
        }
        boolean newWindow = previous == null || !now.isBefore(previous.windowStart().plus(window));
        Instant start = newWindow ? now : previous.windowStart();
        long failures = newWindow ? 1 : previous.failures() + 1;
        if (failures >= threshold) {
            return new Step(new FailureBurst(start, failures, source + ":" + now.toEpochMilli(), now), true);
        }
        return new Step(new FailureBurst(start, failures, null, now), false);
    }

    /**
     * The state after a failure.
     *
     * @param state the new state
     * @param opensIncident true when this failure opened an incident: alert now, and only now
     */
    record Step(FailureBurst state, boolean opensIncident) {
    }
}
