package io.orderflow.notify.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;

/**
 * The meters of webhook deliveries: attempts by outcome ({@value #ATTEMPTS}: delivered, retry, failed), their
 * latency, the delay from the status change's commit to its first successful delivery ({@value #DELAY}), endpoints
 * disabled, and the backlog of pending deliveries per endpoint ({@value #BACKLOG}).
 */
class WebhookMetrics {

    static final String ATTEMPTS = "orderflow.webhooks.deliveries";
    static final String LATENCY = "orderflow.webhooks.latency";
    static final String DELAY = "orderflow.webhooks.delay";
    static final String DISABLED = "orderflow.webhooks.endpoints.disabled";
    static final String BACKLOG = "orderflow.webhooks.backlog";

    private final Counter delivered;
    private final Counter retried;
    private final Counter failed;
    private final Counter disabled;
    private final Timer latency;
    private final Timer delay;
    private final MultiGauge backlog;

    WebhookMetrics(MeterRegistry meters) {
        this.delivered = Counter.builder(ATTEMPTS)
                .tag("outcome", "delivered")
                .description("webhook attempts by outcome")
                .register(meters);
        this.retried = Counter.builder(ATTEMPTS).tag("outcome", "retry").register(meters);
        this.failed = Counter.builder(ATTEMPTS).tag("outcome", "failed").register(meters);
        this.disabled = Counter.builder(DISABLED)
                .description("endpoints disabled after failing for too long")
                .register(meters);
        this.latency = Timer.builder(LATENCY)
                .description("time from sending a webhook to the receiver's answer")
                .publishPercentileHistogram()
                .register(meters);
        this.delay = Timer.builder(DELAY)
                .description("time from the status change's commit to its delivery")
                .publishPercentileHistogram()
                .register(meters);
        this.backlog = MultiGauge.builder(BACKLOG)
                .description("pending webhook deliveries per endpoint")
                .register(meters);
    }

    void delivered(long latencyMs, Duration sinceCommit) {
        delivered.increment();
        latency.record(Duration.ofMillis(latencyMs));
        delay.record(sinceCommit.isNegative() ? Duration.ZERO : sinceCommit);
    }

    void retried(long latencyMs) {
        retried.increment();
        latency.record(Duration.ofMillis(latencyMs));
    }

    void failed(long latencyMs) {
        failed.increment();
        latency.record(Duration.ofMillis(latencyMs));
    }

    void disabled() {
        disabled.increment();
    }

    void backlog(Map<String, Long> pendingByEndpoint) {
        backlog.register(
                pendingByEndpoint.entrySet().stream()
                        .map(e -> MultiGauge.Row.of(Tags.of("endpoint", e.getKey()), e.getValue()))
                        .toList(),
                true);
    }
}
