package io.orderflow.reconcile.expiry;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.platform.outbox.Outbox;
import io.orderflow.platform.work.DueBatch;
import io.orderflow.platform.work.DueWork;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One batch of due timers in one transaction: claim (skip locked), run the close protocol, then either
 * append the outcome's event to the outbox and mark the timer done, or push it back with backoff. A timer
 * that throws (an answer the protocol cannot use) fails alone: it is pushed back with backoff as
 * {@code FAILED:<exception>} and counted, and the rest of its batch commits ({@link DueBatch}).
 */
class ExpiryWorker {

    private static final Logger log = LoggerFactory.getLogger(ExpiryWorker.class);

    private final Timers timers;
    private final CloseProtocol protocol;
    private final Outbox outbox;
    private final DueWork work;
    private final Clock clock;
    private final MeterRegistry meters;
    private final DueBatch<Timer> batch;

    ExpiryWorker(Timers timers, CloseProtocol protocol, Outbox outbox, DueWork work) {
        MeterRegistry meters = work.meters();
        this.meters = meters;
        Gauge.builder("orderflow.reconcile.timers.pending", () -> timers.armed(false))
                .description("armed expiry timers")
                .register(meters);
        Gauge.builder("orderflow.reconcile.timers.overdue", () -> timers.armed(true))
                .description("armed expiry timers past their due time")
                .register(meters);
        this.timers = timers;
        this.protocol = protocol;
        this.outbox = outbox;
        this.work = work;
        this.clock = work.clock();
        this.batch = work.batch("expiry", timers::claimDue, this::fire, this::failed);
    }

    int runBatch() {
        return batch.run();
    }

    private void fire(Timer timer) {
        CloseProtocol.Outcome outcome = protocol.fire(timer);
        meters.counter("orderflow.reconcile.timer.fired", "outcome", outcome.outcome())
                .increment();
        if (outcome.event() != null) {
            outbox.append(outcome.event());
            if ("PAID".equals(outcome.outcome())) {
                // the callback never came (or came too late): the timer's query found the payment
                meters.counter("orderflow.reconcile.repaired", "kind", "PAYMENT", "via", "expiry")
                        .increment();
            }
            timers.done(timer.orderId(), outcome.outcome());
            log.info("order {} timer fired: {}", timer.orderId(), outcome.outcome());
        } else {
            retryLater(timer, outcome.outcome());
        }
    }

    private void failed(Timer timer, RuntimeException failure) {
        log.warn("order {} timer failed; the rest of its batch goes on", timer.orderId(), failure);
        retryLater(timer, "FAILED:" + failure.getClass().getSimpleName());
    }

    private void retryLater(Timer timer, String outcome) {
        int attempts = timer.attempts() + 1;
        Instant next = work.retryAt(attempts, clock.instant());
        timers.retryAt(timer.orderId(), attempts, next, outcome);
        log.info("order {} not settled ({}); timer due again at {}", timer.orderId(), outcome, next);
    }
}
