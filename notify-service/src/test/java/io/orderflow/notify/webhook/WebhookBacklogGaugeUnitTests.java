package io.orderflow.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.platform.work.PeriodicTask;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WebhookBacklogGaugeUnitTests {

    private final AtomicInteger queries = new AtomicInteger();
    private final AtomicReference<Map<String, Long>> shown = new AtomicReference<>();

    private PeriodicTask gauge(Duration interval) {
        return WebhookBacklogGauge.every(
                interval,
                () -> {
                    if (queries.incrementAndGet() == 1) {
                        throw new IllegalStateException("relation \"webhook_delivery\" does not exist");
                    }
                    return Map.of("we_1", (long) queries.get());
                },
                shown::set);
    }

    @Test
    void queriesNothingBeforeTheContextStartsIt() {
        PeriodicTask gauge = gauge(Duration.ofMillis(10));

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> queries.get() == 0);
        assertThat(gauge.isRunning()).isFalse();
    }

    @Test
    void refreshesAfterStartKeepsGoingAfterAFailedQueryAndStopsWithTheContext() {
        PeriodicTask gauge = gauge(Duration.ofMillis(10));

        gauge.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> shown.get() != null && queries.get() >= 3);
        assertThat(shown.get()).containsOnlyKeys("we_1");

        gauge.stop();
        assertThat(gauge.isRunning()).isFalse();
        int after = queries.get();
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> queries.get() <= after + 1);
    }
}
