package io.orderflow.systemtest;

import io.orderflow.events.EventTypes;
import io.orderflow.platform.test.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Every anomaly and risk alert (OrderAnomalyDetected, RiskAlertRaised, DiscrepancyFound on the order, notify
 * and reconcile topics) about the scenario's orders, or raised while it ran about no order of it (a burst of
 * forged callbacks, a bill discrepancy with no order), is accounted for: each kind is raised exactly as often as
 * the scenario expects, and a kind it does not expect is a difference. Kinds are read as strings, so kinds added
 * later are accounted for without changing this class. Redeliveries (same ce_id) count once.
 */
final class AlertCheck {

    static final String CHECK = "anomalies and alerts: exactly the expected kinds and counts";
    private static final List<String> TYPES =
            List.of(".OrderAnomalyDetected.", ".RiskAlertRaised.", ".DiscrepancyFound.");
    private static final List<String> TIMES = List.of("detected_at", "raised_at", "found_at");

    private AlertCheck() {}

    static void check(
            CheckTable table,
            OrderflowSystem system,
            Collection<String> orderIds,
            Map<String, Integer> expected,
            Instant since) {
        Set<String> ours = Set.copyOf(orderIds);
        Map<String, Integer> raised = new TreeMap<>();
        orderIds.forEach(id -> table.count(CHECK, true));
        for (String topic : List.of(
                EventTypes.ORDER_EVENTS_TOPIC, EventTypes.NOTIFY_EVENTS_TOPIC, EventTypes.RECONCILE_EVENTS_TOPIC)) {
            try (TopicProbe probe = new TopicProbe(system.bootstrapServers(), topic)) {
                for (TopicProbe.Received r : StatusRecords.distinctByCeId(probe.readToEnd(Duration.ofSeconds(30)))) {
                    String type = String.valueOf(r.header("ce_type"));
                    if (TYPES.stream().noneMatch(type::contains)) {
                        continue;
                    }
                    JsonNode alert = StatusRecords.json(r);
                    String orderId = alert.path("order_id").asString("");
                    if (!ours.contains(orderId) && raisedAt(alert).isBefore(since)) {
                        continue;
                    }
                    if (!ours.contains(orderId)) {
                        table.count(CHECK, true);
                    }
                    String kind = alert.path("kind").asString();
                    raised.merge(kind, 1, Integer::sum);
                    if (!expected.containsKey(kind)) {
                        table.differ(
                                CHECK,
                                type.replaceAll("^orderflow\\.|\\.v\\d+$", "") + " " + kind + " for "
                                        + (orderId.isEmpty() ? "no order" : orderId) + ": "
                                        + alert.path("detail").asString(""));
                    }
                }
            }
        }
        for (String kind : new TreeSet<>(expected.keySet())) {
            int times = raised.getOrDefault(kind, 0);
            if (times != expected.get(kind)) {
                table.differ(CHECK, kind + " raised " + times + " times, expected " + expected.get(kind));
            }
        }
    }

    /** When the event says it happened; an event without a time counts as happening now (never skipped). */
    private static Instant raisedAt(JsonNode alert) {
        return TIMES.stream()
                .map(name -> alert.path(name).asString(""))
                .filter(at -> !at.isEmpty())
                .map(Instant::parse)
                .findFirst()
                .orElse(Instant.MAX);
    }
}
