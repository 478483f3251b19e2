package io.orderflow.platform.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicTaskUnitTests {

    private static final Duration INTERVAL = Duration.ofMillis(10);

    private final AtomicInteger runs = new AtomicInteger();
    private final List<RuntimeException> failures = new CopyOnWriteArrayList<>();

    /** Counts its runs; the first one throws. */
    private void run() {
        if (runs.incrementAndGet() == 1) {
            throw new IllegalStateException("the database is away");
        }
    }

    @Test
    void runsNothingBeforeItIsStarted() {
        PeriodicTask task = PeriodicTask.refreshing("test-periodic", INTERVAL, this::run, failures::add);

        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> runs.get() == 0);
        assertThat(task.isRunning()).isFalse();
    }

    @Test
    void runsEveryIntervalKeepsGoingAfterAFailedRunAndStops() {
        PeriodicTask task = PeriodicTask.refreshing("test-periodic", INTERVAL, this::run, failures::add);

        task.start();
        assertThat(task.isRunning()).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 3);
        assertThat(failures).singleElement().satisfies(e -> assertThat(e).hasMessage("the database is away"));

        task.stop();
        assertThat(task.isRunning()).isFalse();
        int after = runs.get();
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> runs.get() <= after + 1);
    }

    @Test
    void runsOnItsOwnDaemonThread() {
        List<Thread> threads = new CopyOnWriteArrayList<>();
        PeriodicTask task = PeriodicTask.refreshing(
                "test-periodic", INTERVAL, () -> threads.add(Thread.currentThread()), failures::add);

        task.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> !threads.isEmpty());
        task.stop();

        assertThat(threads.get(0).getName()).isEqualTo("test-periodic");
        assertThat(threads.get(0).isDaemon()).isTrue();
    }

    @Test
    void aRefreshingTaskRunsAtStart() {
        PeriodicTask task = PeriodicTask.refreshing("test-periodic", Duration.ofHours(1), this::run, failures::add);

        task.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 1);
        task.stop();

        assertThat(runs).hasValue(1);
    }

    @Test
    void aFlushingTaskWaitsOneIntervalAndRunsOnceMoreAtStop() {
        PeriodicTask task = PeriodicTask.flushing("test-periodic", Duration.ofHours(1), this::run, failures::add);

        task.start();
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> runs.get() == 0);
        task.stop();

        assertThat(runs).hasValue(1);
        assertThat(failures).hasSize(1);
        assertThat(task.isRunning()).isFalse();
    }
}
