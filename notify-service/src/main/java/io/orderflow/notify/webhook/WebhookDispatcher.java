package io.orderflow.notify.webhook;

import io.orderflow.platform.work.DueWorker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
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
    /** Answers recorded in one transaction at most (one statement for the acknowledged among them). */
    private static final int MAX_RECORDED_AT_ONCE = 256;

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
    private final ConcurrentLinkedQueue<Answered> answered = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean recording = new AtomicBoolean();
    private final Duration lease;
    private volatile DueWorker worker;

    WebhookDispatcher(
            WebhookDeliveries deliveries,
            WebhookEndpoints endpoints,
            WebhookSender sender,
            WebhookProperties properties,
            WebhookMetrics metrics,
            TransactionTemplate transactions,
            Executor completions,
            Clock clock) {
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
                .map(Map.Entry::getKey)
                .toArray(String[]::new);
        List<Claimed> started = transactions.execute(status -> claim(Math.min(free, properties.batchSize()), busy));
        for (Claimed delivery : started) {
            Instant startedAt = clock.instant();
            sender.send(delivery).whenComplete((result, failure) -> {
                if (failure != null) {
                    release(delivery.endpointId());
                    log.warn(
                            "webhook delivery {} not sent ({}); due again after its lease",
                            delivery.deliveryId(),
                            failure.toString());
                    return;
                }
                answered.add(new Answered(delivery, startedAt, result));
                recordAnswers();
            });
        }
        return started.size();
    }

    /** A send's answer waiting to be recorded. */
    private record Answered(Claimed delivery, Instant started, WebhookSender.Result result) {}

    /**
     * Group commit of the answers: one recorder at a time takes every answer that has come, records them in one
     * transaction (the acknowledged ones in one statement) and then frees their slots; answers that come meanwhile
     * wait for the next round, so the busier the dispatcher, the larger the batches. An answer is recorded once
     * its transaction commits; a batch that fails (the database away) is due again when its leases end.
     */
    private void recordAnswers() {
        if (recording.compareAndSet(false, true)) {
            completions.execute(this::recordRounds);
        }
    }

    private void recordRounds() {
        try {
            List<Answered> batch = new ArrayList<>();
            for (Answered next = answered.poll(); next != null; next = answered.poll()) {
                batch.add(next);
                if (batch.size() == MAX_RECORDED_AT_ONCE || answered.isEmpty()) {
                    record(batch);
                    batch = new ArrayList<>();
                }
            }
        } finally {
            recording.set(false);
            if (!answered.isEmpty()) {
                recordAnswers();
            }
        }
    }

    /** The acknowledged answers in one transaction; each other answer in its own, as it may disable an endpoint. */
    private void record(List<Answered> batch) {
        try {
            List<Answered> acknowledged =
                    batch.stream().filter(a -> a.result().delivered()).toList();
            if (!acknowledged.isEmpty()) {
                try {
                    transactions.executeWithoutResult(status -> recordAcknowledged(acknowledged));
                } catch (RuntimeException e) {
                    log.warn(
                            "{} webhook deliveries acknowledged but not recorded ({}); sent again after their "
                                    + "leases",
                            acknowledged.size(),
                            e.toString());
                }
            }
            for (Answered other : batch) {
                if (!other.result().delivered()) {
                    try {
                        transactions.executeWithoutResult(
                                status -> settle(other.delivery(), other.started(), other.result()));
                    } catch (RuntimeException e) {
                        log.warn(
                                "webhook delivery {} outcome not recorded ({}); due again after its lease",
                                other.delivery().deliveryId(),
                                e.toString());
                    }
                }
            }
        } finally {
            batch.forEach(a -> release(a.delivery().endpointId()));
        }
    }

    private void recordAcknowledged(List<Answered> acknowledged) {
        Instant now = clock.instant();
        List<UUID> changed = deliveries.delivered(
                acknowledged.stream()
                        .map(a -> new WebhookDeliveries.Acknowledged(
                                a.delivery().deliveryId(),
                                a.delivery().attemptNo(),
                                a.started(),
                                a.result().statusCode(),
                                a.result().latencyMs()))
                        .toList(),
                now);
        Set<UUID> recorded = new HashSet<>(changed);
        Set<String> succeeded = new HashSet<>();
        for (Answered a : acknowledged) {
            if (recorded.contains(a.delivery().deliveryId())) {
                succeeded.add(a.delivery().endpointId());
                metrics.delivered(
                        a.result().latencyMs(), Duration.between(a.delivery().occurredAt(), now));
            }
        }
        if (!succeeded.isEmpty()) {
            endpoints.succeeded(succeeded);
        }
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

    /** Records a send that was not acknowledged (inside the batch's transaction): retried later, or failed. */
    private void settle(Claimed delivery, Instant started, WebhookSender.Result result) {
        Instant now = clock.instant();
        var retry = properties.retryAfter(delivery.scheduleStep());
        String outcome = retry.isPresent() ? "PENDING" : "FAILED";
        Instant next = retry.map(now::plus).orElse(now);
        if (!deliveries.outcome(
                delivery, started, result.statusCode(), result.latencyMs(), result.error(), outcome, next, now)) {
            return;
        }
        if (retry.isPresent()) {
            metrics.retried(result.latencyMs());
        } else {
            metrics.failed(result.latencyMs());
            log.warn(
                    "webhook delivery {} of order {} to endpoint {} failed after {} attempts: {}",
                    delivery.deliveryId(),
                    delivery.orderId(),
                    delivery.endpointId(),
                    delivery.scheduleStep(),
                    result.error());
        }
        // an order's own notify_url is not an endpoint: its failures do not disable the shop's pseudo endpoint,
        // which would strand its other orders' deliveries
        if (!delivery.ownUrl()) {
            endpointFailed(delivery.endpointId(), result.error(), now);
        }
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
