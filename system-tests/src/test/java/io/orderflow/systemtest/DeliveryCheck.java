package io.orderflow.systemtest;

import io.orderflow.simulator.ledger.CallbackDelivery;
import io.orderflow.simulator.ledger.Order;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * WeChat's side of the callbacks, from the simulator's delivery log: every forged or probe delivery was refused
 * with a 4xx, and every genuine one (the real notification, its retries and duplicates) acknowledged. Where the
 * scenario takes notify-service away (a kill, its database), a genuine notification may fail while it is away
 * and must then be acknowledged at a later attempt. Deliveries the fault dropped never reached notify-service
 * and are not counted.
 */
final class DeliveryCheck {

    static final String REFUSED = "callbacks: every forged or probe delivery refused (4xx)";
    static final String ACKNOWLEDGED = "callbacks: every genuine delivery acknowledged";
    static final String EVENTUALLY = "callbacks: every genuine notification acknowledged (retries allowed)";
    private static final Set<String> FALSE = Set.of("FORGED", "PROBE");

    private DeliveryCheck() {}

    static void check(CheckTable table, String orderId, Order atWechat, boolean retriesAllowed) {
        List<CallbackDelivery> deliveries = atWechat == null ? List.of() : atWechat.deliveries();
        String genuine = retriesAllowed ? EVENTUALLY : ACKNOWLEDGED;
        table.count(genuine, false);
        Map<String, Boolean> acknowledged = new LinkedHashMap<>();
        for (CallbackDelivery delivery : deliveries) {
            if ("DROPPED".equals(delivery.outcome())) {
                continue;
            }
            if (FALSE.contains(delivery.kind())) {
                table.count(REFUSED, true);
                if (!"REJECTED".equals(delivery.outcome()) || delivery.httpStatus() / 100 != 4) {
                    table.differ(REFUSED, describe(orderId, delivery));
                }
                continue;
            }
            boolean ok = "ACKNOWLEDGED".equals(delivery.outcome());
            acknowledged.merge(delivery.notificationId(), ok, Boolean::logicalOr);
            if (!retriesAllowed) {
                table.count(genuine, true);
                if (!ok) {
                    table.differ(genuine, describe(orderId, delivery));
                }
            }
        }
        if (retriesAllowed) {
            acknowledged.forEach((notification, ok) -> {
                table.count(genuine, true);
                if (!ok) {
                    table.differ(genuine, "notification " + notification + " of " + orderId + " never acknowledged");
                }
            });
        }
    }

    /**
     * Waits (bounded) until every genuine notification of these orders has been acknowledged: where retries are
     * allowed, WeChat may still be retrying one that failed while notify-service was away, though a query has
     * long settled the order. WeChat's whole retry schedule, time-scaled, takes about 90 s.
     */
    static void awaitRetries(OrderflowSystem system, java.util.Collection<String> orderIds) {
        try {
            Awaitility.await("WeChat's callback retries")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> orderIds.stream()
                            .allMatch(id -> system.simulator
                                    .ledger()
                                    .order(io.orderflow.platform.test.TestMerchant.MCHID, id)
                                    .map(order -> unacknowledged(order.deliveries()) == 0)
                                    .orElse(true)));
        } catch (ConditionTimeoutException e) {
            // the check that follows names each notification still unacknowledged
        }
    }

    private static long unacknowledged(List<CallbackDelivery> deliveries) {
        Map<String, Boolean> acknowledged = new LinkedHashMap<>();
        deliveries.stream()
                .filter(d -> !FALSE.contains(d.kind()) && !"DROPPED".equals(d.outcome()))
                .forEach(d ->
                        acknowledged.merge(d.notificationId(), "ACKNOWLEDGED".equals(d.outcome()), Boolean::logicalOr));
        return acknowledged.values().stream().filter(ok -> !ok).count();
    }

    private static String describe(String orderId, CallbackDelivery delivery) {
        return delivery.kind() + " " + delivery.eventType() + " of " + orderId
                + (delivery.outRefundNo() == null ? "" : " refund " + delivery.outRefundNo()) + " attempt "
                + delivery.attempt() + ": " + delivery.outcome() + " " + delivery.httpStatus();
    }
}
