package io.orderflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OpenLoopDriverUnitTests {

    @Test
    void keepsSchedulingCreatesWhileEveryCallIsStuckAndCountsThemFromWhenTheyWereDue() throws Exception {
        LoadTimeline timeline = new LoadTimeline();
        CountDownLatch answer = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        // 200 creates/s, two callers, and no call answers until released
        OpenLoopDriver driver = new OpenLoopDriver(timeline, 200, 2, (n, scheduled) -> {
            started.incrementAndGet();
            try {
                answer.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        driver.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> driver.due() >= 40);
        int stuckWhileDue = started.get();
        answer.countDown();
        driver.stop();

        assertThat(stuckWhileDue).isEqualTo(2);
        List<LoadTimeline.Issue> issues = timeline.issues().stream()
                .sorted(Comparator.comparingLong(LoadTimeline.Issue::scheduled))
                .toList();
        assertThat(issues).hasSize((int) driver.due());
        for (int i = 1; i < issues.size(); i++) {
            assertThat(issues.get(i).scheduled() - issues.get(i - 1).scheduled())
                    .as("due instants 5 ms apart")
                    .isEqualTo(5_000);
        }
        // the third create, due 10 ms after the first, was sent only once the callers were free (after 40 were due),
        // and so were the next ones due before then: each counted late
        LoadTimeline.Issue third = issues.get(2);
        assertThat(third.sent() - third.scheduled()).isGreaterThan(150_000);
        assertThat(LoadOpenLoop.of(new LoadSettings(16, 10, 30, 60, 60, 2, 200, 2, 0, null), issues, 0, Long.MAX_VALUE)
                        .late())
                .isGreaterThanOrEqualTo(30);
        assertThat(issues).allSatisfy(issue -> assertThat(issue.sent()).isNotZero());
    }
}
