package io.orderflow.notify.webhook;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.context.SmartLifecycle;

/**
 * Refreshes the backlog gauge (pending deliveries per endpoint, one grouped count) every {@code interval}. It runs as
 * a lifecycle, started after the context's refresh, so never before Flyway has created {@code webhook_delivery}: a
 * schedule started when the bean was made queried the table a few seconds into a first start, before the migrations
 * had run (PostgreSQL logged "relation does not exist").
 */
class WebhookBacklogGauge implements SmartLifecycle {

    private final Supplier<Map<String, Long>> backlog;
    private final Consumer<Map<String, Long>> gauge;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    WebhookBacklogGauge(Supplier<Map<String, Long>> backlog, Consumer<Map<String, Long>> gauge, Duration interval) {
        this.backlog = backlog;
        this.gauge = gauge;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "webhook-backlog");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void refresh() {
        try {
            gauge.accept(backlog.get());
        } catch (RuntimeException e) {
            // the database may be away; the gauge keeps its last values
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
