package io.orderflow.platform.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DueWorkerUnitTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void aWorkerWokenWhileItsBatchRanGoesAgainWithoutAskingWhenTheNextRowIsDue() {
        AtomicInteger batches = new AtomicInteger();
        AtomicInteger asked = new AtomicInteger();
        AtomicReference<DueWorker> worker = new AtomicReference<>();
        worker.set(new DueWorker(
                "woken",
                settings(),
                () -> {
                    if (batches.incrementAndGet() == 1) {
                        worker.get().wakeAfterCommit();
                    }
                    return 0;
                },
                () -> {
                    asked.incrementAndGet();
                    return Optional.empty();
                },
                Clock.systemUTC()));
        worker.get().start();
        try {
            await().atMost(WAIT).until(() -> batches.get() >= 2);
            // only the second batch, which nothing woke again, is followed by the question
            await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> asked.get() == 1);
            assertThat(batches.get()).isEqualTo(2);
        } finally {
            worker.get().stop();
        }
    }

    @Test
    void anIdleWorkerSleepsUntilItsNextRowIsDue() {
        AtomicInteger batches = new AtomicInteger();
        Instant due = Instant.now().plusMillis(700);
        DueWorker worker = new DueWorker(
                "due",
                settings(),
                batches::incrementAndGet,
                () -> batches.get() == 1 ? Optional.of(due) : Optional.empty(),
                Clock.systemUTC());
        worker.start();
        try {
            await().atMost(WAIT).until(() -> batches.get() >= 2);
            assertThat(Instant.now()).isAfterOrEqualTo(due);
        } finally {
            worker.stop();
        }
    }

    /**
     * Four idle threads with an hour to sleep and a minute of grace: the stop wakes all four, so none is left to be
     * interrupted at the end of the grace period (one woken thread used to swallow the others' wake-ups).
     */
    @Test
    void aStopWakesEveryIdleThreadWithoutWaitingOutTheGracePeriod() {
        AtomicInteger asked = new AtomicInteger();
        DueWorker worker = new DueWorker(
                "stopping",
                settings(4, Duration.ofMinutes(1)),
                () -> 0,
                () -> {
                    asked.incrementAndGet();
                    return Optional.empty();
                },
                Clock.systemUTC());
        worker.start();
        await("all four threads idle").atMost(WAIT).until(() -> asked.get() >= 4);

        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            worker.stop();
        });
        assertThat(worker.isRunning()).isFalse();
    }

    private static DueWorker.Settings settings() {
        return settings(1, Duration.ofSeconds(1));
    }

    private static DueWorker.Settings settings(int threads, Duration shutdownGrace) {
        return new DueWorker.Settings() {
            public Integer threads() {
                return threads;
            }

            public Integer batchSize() {
                return 10;
            }

            public Duration pollInterval() {
                return Duration.ofMinutes(1);
            }

            public Duration shutdownGrace() {
                return shutdownGrace;
            }

            public Duration initialBackoff() {
                return Duration.ofSeconds(1);
            }

            public Duration maxBackoff() {
                return Duration.ofSeconds(1);
            }
        };
    }
}
