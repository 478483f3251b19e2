package io.orderflow.notify.webhook;

import io.orderflow.platform.work.DueWorker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims due deliveries and sends them, outside any transaction. A claim (one short transaction, skip locked)
 * leases its rows; each send's outcome is recorded in a short transaction of its own when the answer comes. At
 * most {@code per-endpoint-concurrency} sends per endpoint and {@code max-in-flight} in all are open here; a
 * claim skips endpoints at their limit, so a receiver that hangs holds only its own slots, never another
 * endpoint's or shop's deliveries.
 */
class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookDeliveries deliveries;
    private final WebhookEndpoints endpoints;
    private final WebhookSender sender;
    private final WebhookProperties properties;
    private final WebhookMetrics metrics;
    private final TransactionTemplate transactions;
    private final Executor completions;
    private final Clock clock;
    private final Map<String, AtomicInteger> openByEndpoint = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final Duration lease;
    private volatile DueWorker worker;

    WebhookDispatcher(WebhookDeliveries deliveries, WebhookEndpoints endpoints, WebhookSender sender,
                      WebhookProperties properties, WebhookMetrics metrics, TransactionTemplate transactions,
                      Executor completions, Clock clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.sender = sender;
        this.properties = properties;
        this.metrics = metrics;
        this.transactions = transactions;
        this.completions = completions;
        this.clock = clock;
        this.lease = properties.timeout().multipliedBy(2).plusSeconds(30);
    }

    void runBy(DueWorker worker) {
        this.worker = worker;
    }

    /** Claims and starts what the open slots allow; answers how many it started. */
    int dispatch() {
        int free = properties.maxInFlight() - open.get();
        if (free <= 0) {
            return 0;
        }
        String[] busy = openByEndpoint.entrySet().stream()
                .filter(e -> e.getValue().get() >= properties.perEndpointConcurrency())
                .map(Map.Entry::getKey).toArray(String[]::new);
        List<Claimed> started = transactions.execute(status -> claim(Math.min(free, properties.batchSize()), busy));
        for (Claimed delivery : started) {
            Instant startedAt = clock.instant();
            sender.send(delivery).thenAcceptAsync(result -> settle(delivery, startedAt, result), completions)
                    .whenComplete((ignored, failure) -> {
                        release(delivery.endpointId());
                        if (failure != null) {
                            log.warn("webhook delivery {} outcome not recorded ({}); due again after its lease",
                                    delivery.deliveryId(), failure.toString());
                        }
                    });
        }
        return started.size();
    }

    private List<Claimed> claim(int limit, String[] busy) {
        Instant now = clock.instant();
        List<Claimed> due = deliveries.due(limit, busy, now);
        List<Claimed> chosen = new ArrayList<>(due.size());
        Map<String, Integer> taken = new HashMap<>();
        for (Claimed delivery : due) {
            int already = slots(delivery.endpointId()).get() + taken.getOrDefault(delivery.endpointId(), 0);
            if (already < properties.perEndpointConcurrency()) {
                chosen.add(delivery);
                taken.merge(delivery.endpointId(), 1, Integer::sum);
            }
        }
        if (!chosen.isEmpty()) {
            deliveries.lease(chosen.stream().map(Claimed::deliveryId).toList(), now.plus(lease));
            chosen.forEach(delivery -> {
                slots(delivery.endpointId()).incrementAndGet();
                open.incrementAndGet();
            });
        }
        return chosen;
    }

    private void settle(Claimed delivery, Instant started, WebhookSender.Result result) {
        transactions.executeWithoutResult(status -> {
            Instant now = clock.instant();
            if (result.delivered()) {
                if (deliveries.outcome(delivery, started, result.statusCode(), result.latencyMs(), null, "DELIVERED",
                        now, now)) {
                    endpoints.succeeded(delivery.endpointId());
                    metrics.delivered(result.latencyMs(), Duration.between(delivery.occurredAt(), now));
                }
                return;
            }
            var retry = properties.retryAfter(delivery.scheduleStep());
            String outcome = retry.isPresent() ? "PENDING" : "FAILED";
            Instant next = retry.map(now::plus).orElse(now);
            if (!deliveries.outcome(delivery, started, result.statusCode(), result.latencyMs(), result.error(),
                    outcome, next, now)) {
                return;
            }
            if (retry.isPresent()) {
                metrics.retried(result.latencyMs());
            } else {
                metrics.failed(result.latencyMs());
                log.warn("webhook delivery {} of order {} to endpoint {} failed after {} attempts: {}",
                        delivery.deliveryId(), delivery.orderId(), delivery.endpointId(), delivery.scheduleStep(),
                        result.error());
            }
            // an order's own notify_url is not an endpoint: its failures do not disable the shop's pseudo endpoint,
            // which would strand its other orders' deliveries
            if (!delivery.ownUrl()) {
                endpointFailed(delivery.endpointId(), result.error(), now);
            }
        });
    }

    /** Notes the endpoint's failure, and disables it when it has failed for {@code disable-after}. */
    private void endpointFailed(String endpointId, String error, Instant now) {
        endpoints.failed(endpointId, now);
        String reason = "every attempt failed for " + properties.disableAfter() + "; last: " + error;
        if (endpoints.disableIfFailingSince(endpointId, now.minus(properties.disableAfter()), now, reason)) {
            int failed = deliveries.failPending(endpointId, "endpoint disabled: " + reason);
            metrics.disabled();
            log.warn("webhook endpoint {} disabled ({}); {} pending deliveries failed", endpointId, reason, failed);
        }
    }

    private AtomicInteger slots(String endpointId) {
        return openByEndpoint.computeIfAbsent(endpointId, id -> new AtomicInteger());
    }

    private void release(String endpointId) {
        slots(endpointId).decrementAndGet();
        open.decrementAndGet();
        DueWorker running = worker;
        if (running != null) {
            running.wakeAfterCommit();
        }
    }
}
