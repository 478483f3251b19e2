package io.orderflow.order.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The service's clock in tests: the system clock until a test freezes it, then exactly the instant the
 * test sets, so windows and token buckets can be driven to their edges without sleeping. Tests release it
 * when done (the context, and so the clock, is shared by every test class).
 */
public final class TestClock extends Clock {

    private volatile Instant frozen;

    /** Freezes the clock at the current millisecond and returns that instant. */
    public Instant freeze() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        frozen = now;
        return now;
    }

    public void set(Instant instant) {
        frozen = instant;
    }

    public void advance(Duration duration) {
        if (frozen == null) {
            throw new IllegalStateException("freeze the clock before advancing it");
        }
        frozen = frozen.plus(duration);
    }

    /** Back to the system clock. */
    public void release() {
        frozen = null;
    }

    @Override
    public Instant instant() {
        Instant now = frozen;
        return now != null ? now : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service works in UTC instants");
    }
}
