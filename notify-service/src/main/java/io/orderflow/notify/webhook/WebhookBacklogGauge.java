package io.orderflow.notify.webhook;

import io.orderflow.platform.work.PeriodicTask;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Refreshes the backlog gauge (pending deliveries per endpoint, one grouped count) every {@code interval}. It runs as
 * a lifecycle, started after the context's refresh, so never before Flyway has created {@code webhook_delivery}: a
 * schedule started when the bean was made queried the table a few seconds into a first start, before the migrations
 * had run (PostgreSQL logged "relation does not exist").
 */
final class WebhookBacklogGauge {

    private WebhookBacklogGauge() {}

    static PeriodicTask every(
            Duration interval, Supplier<Map<String, Long>> backlog, Consumer<Map<String, Long>> gauge) {
        return PeriodicTask.refreshing("webhook-backlog", interval, () -> gauge.accept(backlog.get()), failure -> {
            // the database may be away; the gauge keeps its last values
        });
    }
}
