package io.orderflow.simulator.callback;

import io.orderflow.simulator.SimulatedTime;
import io.orderflow.simulator.crypto.Nonces;
import io.orderflow.simulator.fault.FaultKind;
import io.orderflow.simulator.fault.FaultRule;
import io.orderflow.simulator.fault.Faults;
import io.orderflow.simulator.ledger.TradeEvents.OrderPaid;
import io.orderflow.simulator.ledger.TradeEvents.RefundFinished;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.springframework.context.event.EventListener;

/**
 * Sends each notification on WeChat's schedule: first try at once, then retries after
 * 15s, 15s, 30s, 3m, 10m, 20m, 30m, 30m, 30m, 60m, 3h, 3h, 3h, 6h, 6h (time-scaled) until a 2xx.
 * Callback faults decide, per notification, to drop, duplicate, delay, reorder, probe or forge
 * (a false payload signed by a stranger, see {@link Forgeries}).
 */
public class CallbackDispatcher {

    static final List<Duration> RETRIES = Stream.of(
                    "15s", "15s", "30s", "3m", "10m", "20m", "30m", "30m", "30m", "60m", "3h", "3h", "3h", "6h", "6h")
            .map(s -> Duration.parse("PT" + s.toUpperCase()))
            .toList();

    private final Notifications notifications;

    private final CallbackSender sender;

    private final SimulatedTime time;

    private final Faults faults;

    private final Forgeries forgeries;

    private final List<Notification> held = new ArrayList<>();

    CallbackDispatcher(
            Notifications notifications,
            CallbackSender sender,
            SimulatedTime time,
            Faults faults,
            Forgeries forgeries) {
        this.notifications = notifications;
        this.sender = sender;
        this.time = time;
        this.faults = faults;
        this.forgeries = forgeries;
    }

    @EventListener
    void on(OrderPaid event) {
        dispatch(notifications.paid(event.order()), choice -> forgeries.payment(event.order(), choice));
    }

    @EventListener
    void on(RefundFinished event) {
        // WeChat only calls back refunds that named a notify_url (or have one configured on the platform)
        if (event.refund().notifyUrl() != null) {
            dispatch(notifications.refundFinished(event.refund()), choice -> forgeries.refund(event.refund()));
        }
    }

    private void dispatch(Notification notification, LongFunction<Notification> forgery) {
        List<FaultRule> fired = faults.callbackFaults(notification.order().mchid());
        if (has(fired, FaultKind.DROP_CALLBACK)) {
            sender.record(notification, "REAL", 1, 0, "DROPPED");
            return;
        }
        if (has(fired, FaultKind.SIGNTEST_PROBE)) {
            sendProbe(notification);
        }
        if (has(fired, FaultKind.FORGED_CALLBACK)) {
            Notification forged = forgery.apply(amount(fired, FaultKind.FORGED_CALLBACK, 0));
            sender.send(forged, "FORGED", 1, forgeries.headers(forged));
        }
        int copies = (int) amount(fired, FaultKind.DUPLICATE_CALLBACK, 1);
        Runnable deliver = () -> release(notification, copies, fired);
        time.after(Duration.ofMillis(amount(fired, FaultKind.DELAY_CALLBACK, 0)), deliver);
    }

    private void release(Notification notification, int copies, List<FaultRule> fired) {
        if (has(fired, FaultKind.REORDER_CALLBACKS)) {
            List<Notification> batch = hold(notification, (int) amount(fired, FaultKind.REORDER_CALLBACKS, 2));
            // one after the other, so the newest really arrives first (sent at once, either could win)
            CompletableFuture<Void> inOrder = CompletableFuture.completedFuture(null);
            for (Notification held : batch) {
                inOrder = inOrder.thenCompose(previous -> attempt(held, 1, 0));
            }
            return;
        }
        attempt(notification, 1, copies);
    }

    /** Collects notifications until the window is full, then hands them back newest first. */
    private synchronized List<Notification> hold(Notification notification, int window) {
        held.add(notification);
        if (held.size() < Math.max(2, window)) {
            return List.of();
        }
        List<Notification> batch = new ArrayList<>(held);
        held.clear();
        Collections.reverse(batch);
        return batch;
    }

    /** Sends once; completes when that answer is in (a retry, if any, is scheduled, not awaited). */
    private CompletableFuture<Void> attempt(Notification notification, int attempt, int copies) {
        return sender.send(notification, "REAL", attempt, notifications.headers(notification))
                .thenAccept(acknowledged -> {
                    if (acknowledged) {
                        for (int i = 1; i <= copies; i++) {
                            sender.send(notification, "DUPLICATE", i, notifications.headers(notification));
                        }
                    } else if (attempt <= RETRIES.size()) {
                        time.afterWechatDelay(
                                RETRIES.get(attempt - 1), () -> attempt(notification, attempt + 1, copies));
                    }
                });
    }

    /** A WECHATPAY/SIGNTEST/ signature: merchants must reject it; the real notification follows. */
    private void sendProbe(Notification notification) {
        Map<String, String> headers = new java.util.LinkedHashMap<>(notifications.headers(notification));
        headers.put("Wechatpay-Signature", "WECHATPAY/SIGNTEST/" + Nonces.alphanumeric(64));
        sender.send(notification, "PROBE", 1, headers);
    }

    private static boolean has(List<FaultRule> fired, FaultKind kind) {
        return fired.stream().anyMatch(rule -> rule.kind() == kind);
    }

    private static long amount(List<FaultRule> fired, FaultKind kind, long fallback) {
        return fired.stream()
                .filter(rule -> rule.kind() == kind)
                .mapToLong(FaultRule::amount)
                .filter(value -> value > 0)
                .findFirst()
                .orElse(has(fired, kind) ? fallback : 0);
    }
}
