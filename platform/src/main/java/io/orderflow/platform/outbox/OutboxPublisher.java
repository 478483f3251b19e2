package io.orderflow.platform.outbox;

import io.orderflow.platform.messaging.CloudEventEnvelope;
import io.orderflow.platform.tracing.TraceContinuation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;

/**
 * Sends a batch through Spring Cloud Stream and waits for the broker's acknowledgements.
 * Returns what may be marked published: for each key, the acknowledged events up to its
 * first failure, so a key's later event is never marked while an earlier one must be
 * re-sent (the re-send then arrives before the later one's duplicate, never after alone).
 */
class OutboxPublisher {

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);

    private final StreamBridge bridge;
    private final SendAcknowledgements acknowledgements;
    private final Duration timeout;
    private final TraceContinuation traces;

    OutboxPublisher(StreamBridge bridge, SendAcknowledgements acknowledgements, Duration timeout) {
        this(bridge, acknowledgements, timeout, TraceContinuation.none());
    }

    OutboxPublisher(StreamBridge bridge, SendAcknowledgements acknowledgements, Duration timeout, TraceContinuation traces) {
        this.traces = traces;
        this.bridge = bridge;
        this.acknowledgements = acknowledgements;
        this.timeout = timeout;
    }

    List<Long> publish(List<PendingEvent> batch) {
        Map<PendingEvent, CompletableFuture<Void>> sends = new LinkedHashMap<>();
        for (PendingEvent event : batch) {
            CompletableFuture<Void> future = acknowledgements.expect(event.attributes().id());
            sends.put(event, future);
            if (!send(event)) {
                future.completeExceptionally(new IllegalStateException("not accepted by the binder"));
                break;
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> blockedKeys = new HashSet<>();
        List<Long> published = new ArrayList<>(batch.size());
        for (PendingEvent event : batch) {
            CompletableFuture<Void> future = sends.get(event);
            if (future != null && !blockedKeys.contains(event.key()) && await(future, deadline, event)) {
                published.add(event.sequenceNo());
            } else {
                blockedKeys.add(event.key());
            }
            acknowledgements.forget(event.attributes().id());
        }
        return published;
    }

    private boolean send(PendingEvent event) {
        try {
            return traces.within(event.traceParent(), "outbox publish", () -> bridge.send(
                    OutboxBindings.bindingName(event.topic()),
                    CloudEventEnvelope.wrap(event.attributes(), event.key(), event.payload())));
        } catch (RuntimeException e) {
            log.warn("outbox send of {} to {} failed: {}", event.attributes().id(), event.topic(), e.toString());
            return false;
        }
    }

    private boolean await(CompletableFuture<Void> future, long deadline, PendingEvent event) {
        try {
            future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            log.debug("event {} not acknowledged: {}", event.attributes().id(), e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
