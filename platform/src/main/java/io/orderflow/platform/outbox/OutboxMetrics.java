package io.orderflow.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The relay's health in numbers: {@code orderflow.outbox.pending} (events not yet
 * published), {@code orderflow.outbox.oldest.age} (seconds the oldest of them has waited;
 * the figure to alert on), events published and failed, and batch send time.
 */
public class OutboxMetrics {

    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private final Counter published;
    private final Counter failed;
    private final Timer batches;
    private final Clock clock;

    OutboxMetrics(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        Gauge.builder("orderflow.outbox.pending", pending, AtomicLong::get)
                .description("outbox events not yet published")
                .baseUnit("events")
                .register(registry);
        Gauge.builder("orderflow.outbox.oldest.age", oldestAgeMillis, value -> value.get() / 1000.0)
                .description("age of the oldest unpublished outbox event")
                .baseUnit("seconds")
                .register(registry);
        published =
                Counter.builder("orderflow.outbox.published").baseUnit("events").register(registry);
        failed = Counter.builder("orderflow.outbox.send.failures")
                .baseUnit("events")
                .register(registry);
        batches = Timer.builder("orderflow.outbox.batch")
                .description("send and acknowledge one batch")
                .register(registry);
    }

    void batchSent(int acknowledged, int notAcknowledged, long nanos) {
        published.increment(acknowledged);
        failed.increment(notAcknowledged);
        batches.record(nanos, TimeUnit.NANOSECONDS);
    }

    void backlog(OutboxStore.Backlog backlog) {
        pending.set(backlog.pending());
        oldestAgeMillis.set(
                backlog.oldestCreatedAt() == null
                        ? 0
                        : Math.max(
                                0,
                                Duration.between(backlog.oldestCreatedAt(), clock.instant())
                                        .toMillis()));
    }
}
