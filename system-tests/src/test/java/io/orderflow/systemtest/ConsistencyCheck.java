package io.orderflow.systemtest;

import io.orderflow.events.EventTypes;
import io.orderflow.platform.test.TestMerchant;
import io.orderflow.platform.test.TopicProbe;
import io.orderflow.simulator.ledger.Order;
import io.orderflow.simulator.ledger.Refund;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.JsonNode;

/**
 * Compares orderflow with WeChat's ground truth (the simulator's ledger) after a run, order by order, and
 * checks what downstream consumers saw on {@code orderflow.order.status}. {@link #run} returns the report;
 * {@link Report#table()} prints what was checked, {@link Report#differences()} lists every mismatch.
 */
final class ConsistencyCheck {

    private final OrderflowSystem system;
    private final ShopClient shop;
    private final Map<String, Row> rows = new LinkedHashMap<>();

    private ConsistencyCheck(OrderflowSystem system, ShopClient shop) {
        this.system = system;
        this.shop = shop;
    }

    /** One kind of check: how many items it looked at and what differed. */
    record Row(String check, int[] checked, List<String> differences) {
    }

    record Report(Collection<Row> rows) {
        List<String> differences() {
            return rows.stream().flatMap(row -> row.differences().stream().map(d -> row.check() + ": " + d)).toList();
        }

        String table() {
            StringBuilder table = new StringBuilder(String.format("%-68s %8s %12s%n", "check", "checked", "differences"));
            rows.forEach(row -> table.append(String.format("%-68s %8d %12d%n", row.check(), row.checked()[0],
                    row.differences().size())));
            return table.toString();
        }
    }

    static Report run(OrderflowSystem system, ShopClient shop, Collection<String> orderIds) {
        return run(system, shop, orderIds, Set.of(), Instant.now());
    }

    /**
     * The check, where the scenario injected anomalies of the given kinds ({@code RiskAlertRaised} or
     * {@code OrderAnomalyDetected} kinds): each of those must have been raised, and nothing else. Alerts about
     * no single order (a burst of forged callbacks) count when raised at or after {@code since}.
     */
    static Report run(OrderflowSystem system, ShopClient shop, Collection<String> orderIds, Set<String> injected,
                      Instant since) {
        ConsistencyCheck check = new ConsistencyCheck(system, shop);
        Map<String, List<TopicProbe.Received>> statusEvents = check.statusEvents(orderIds);
        for (String orderId : orderIds) {
            JsonNode here = shop.order(orderId);
            Order atWechat = system.simulator.ledger().order(TestMerchant.MCHID, orderId).orElse(null);
            check.payment(orderId, here, atWechat);
            check.closing(orderId, here, atWechat);
            check.refunds(orderId, here, atWechat);
            check.versions(orderId, here, statusEvents.getOrDefault(orderId, List.of()));
        }
        check.anomalies(orderIds, injected, since);
        check.deadLetters();
        return new Report(check.rows.values());
    }

    private void payment(String orderId, JsonNode here, Order atWechat) {
        String status = here.path("status").asString();
        boolean paidAtWechat = atWechat != null && Set.of("SUCCESS", "REFUND").contains(atWechat.state().name());
        boolean paidHere = Set.of("SUCCESS", "REFUND").contains(status);
        count("paid at WeChat -> SUCCESS/REFUND here, same transaction and amount", paidAtWechat);
        if (paidAtWechat && (!paidHere || !Objects.equals(here.path("transaction_id").asString(), atWechat.transactionId())
                || here.path("amount").path("total").asLong() != atWechat.total())) {
            differ("paid at WeChat -> SUCCESS/REFUND here, same transaction and amount", orderId + " is " + status
                    + " " + here.path("transaction_id").asString() + "/" + here.path("amount").path("total").asLong()
                    + ", WeChat " + atWechat.transactionId() + "/" + atWechat.total());
        }
        count("SUCCESS/REFUND here -> paid at WeChat", paidHere);
        if (paidHere && !paidAtWechat) {
            differ("SUCCESS/REFUND here -> paid at WeChat", orderId + " is " + status + ", WeChat "
                    + (atWechat == null ? "never saw it" : atWechat.state()));
        }
    }

    private void closing(String orderId, JsonNode here, Order atWechat) {
        boolean closedHere = "CLOSED".equals(here.path("status").asString());
        boolean closedAtWechat = atWechat != null && "CLOSED".equals(atWechat.state().name());
        count("CLOSED here <-> closed at WeChat", closedHere || closedAtWechat);
        if (closedHere != closedAtWechat) {
            differ("CLOSED here <-> closed at WeChat", orderId + " is " + here.path("status").asString()
                    + " here, " + (atWechat == null ? "unknown" : atWechat.state()) + " at WeChat");
        }
    }

    private void refunds(String orderId, JsonNode here, Order atWechat) {
        List<Refund> truth = atWechat == null ? List.of() : atWechat.snapshotRefunds();
        Map<String, JsonNode> mine = new LinkedHashMap<>();
        here.path("refunds").forEach(refund -> mine.put(refund.path("out_refund_no").asString(), refund));
        for (Refund refund : truth) {
            count("refunds: amount and final status as at WeChat", true);
            JsonNode found = mine.get(refund.outRefundNo());
            if (found == null || found.path("amount").path("refund").asLong() != refund.amount()
                    || !refund.status().name().equals(found.path("status").asString())) {
                differ("refunds: amount and final status as at WeChat", refund.outRefundNo() + " of " + orderId
                        + ": here " + (found == null ? "missing" : found.path("amount").path("refund").asLong() + " "
                        + found.path("status").asString()) + ", WeChat " + refund.amount() + " " + refund.status());
            }
        }
        long succeeded = truth.stream().filter(r -> r.status().name().equals("SUCCESS")).mapToLong(Refund::amount).sum();
        count("refunded_amount = sum of refunds SUCCESS at WeChat", !truth.isEmpty());
        if (here.path("refunded_amount").asLong() != succeeded) {
            differ("refunded_amount = sum of refunds SUCCESS at WeChat", orderId + ": "
                    + here.path("refunded_amount").asLong() + " here, " + succeeded + " at WeChat");
        }
    }

    private void versions(String orderId, JsonNode here, List<TopicProbe.Received> events) {
        List<TopicProbe.Received> distinct = StatusRecords.distinctByCeId(events);
        List<Long> versions = distinct.stream().map(r -> StatusRecords.json(r).path("version").asLong()).toList();
        count("status topic: versions 1..n, no gaps, no duplicates, last = API", true);
        boolean contiguous = true;
        for (int i = 0; i < versions.size(); i++) {
            contiguous &= versions.get(i) == i + 1;
        }
        String last = distinct.isEmpty() ? "none" : StatusRecords.field(distinct.get(distinct.size() - 1), "to");
        if (!contiguous || versions.isEmpty() || !last.equals(here.path("status").asString())) {
            differ("status topic: versions 1..n, no gaps, no duplicates, last = API", orderId + " versions "
                    + versions + " last " + last + ", API " + here.path("status").asString());
        }
    }

    private Map<String, List<TopicProbe.Received>> statusEvents(Collection<String> orderIds) {
        Set<String> wanted = Set.copyOf(orderIds);
        try (TopicProbe probe = new TopicProbe(system.bootstrapServers(), EventTypes.ORDER_STATUS_TOPIC)) {
            return probe.readToEnd(java.time.Duration.ofSeconds(30)).stream()
                    .filter(r -> wanted.contains(r.key()))
                    .collect(Collectors.groupingBy(TopicProbe.Received::key, LinkedHashMap::new, Collectors.toList()));
        }
    }

    /**
     * The anomalies and risk alerts orderflow raised about these orders (or about no order, since the scenario
     * began): only the injected kinds, and each of them at least once.
     */
    private void anomalies(Collection<String> orderIds, Set<String> injected, Instant since) {
        String check = "anomalies and risk alerts: the injected kinds and no other";
        Set<String> wanted = Set.copyOf(orderIds);
        Set<String> raised = new java.util.TreeSet<>();
        for (String topic : List.of(EventTypes.ORDER_EVENTS_TOPIC, EventTypes.NOTIFY_EVENTS_TOPIC,
                EventTypes.RECONCILE_EVENTS_TOPIC)) {
            try (TopicProbe probe = new TopicProbe(system.bootstrapServers(), topic)) {
                for (TopicProbe.Received r : StatusRecords.distinctByCeId(probe.readToEnd(java.time.Duration.ofSeconds(30)))) {
                    String type = String.valueOf(r.header("ce_type"));
                    if (!type.contains(".RiskAlertRaised.") && !type.contains(".OrderAnomalyDetected.")
                            && !type.contains(".DiscrepancyFound.")) {
                        continue;
                    }
                    JsonNode alert = StatusRecords.json(r);
                    String orderId = alert.path("order_id").isNull() ? "" : alert.path("order_id").asString("");
                    String at = alert.path(alert.has("raised_at") ? "raised_at" : "detected_at").asString("");
                    boolean ours = wanted.contains(orderId)
                            || orderId.isEmpty() && !at.isEmpty() && !Instant.parse(at).isBefore(since);
                    if (!ours) {
                        continue;
                    }
                    String kind = alert.path("kind").asString();
                    raised.add(kind);
                    if (!injected.contains(kind)) {
                        differ(check, type.replaceAll("^orderflow\\.|\\.v1$", "") + " " + kind + " for "
                                + (orderId.isEmpty() ? "no order" : orderId) + ": " + alert.path("detail").asString(""));
                    }
                }
            }
        }
        orderIds.forEach(id -> count(check, true));
        injected.stream().filter(kind -> !raised.contains(kind))
                .forEach(kind -> differ(check, kind + " was injected but never raised"));
    }

    /** Every dead-letter topic of the services is empty: nothing was given up on unexplained. */
    private void deadLetters() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", system.bootstrapServers()))) {
            List<String> dlts = admin.listTopics().names().get().stream().filter(t -> t.endsWith(".dlt")).sorted().toList();
            Map<TopicPartition, OffsetSpec> ends = new LinkedHashMap<>();
            for (var description : admin.describeTopics(dlts).allTopicNames().get().values()) {
                description.partitions().forEach(p -> ends.put(new TopicPartition(description.name(), p.partition()),
                        OffsetSpec.latest()));
            }
            Map<String, Long> messages = new LinkedHashMap<>();
            admin.listOffsets(ends).all().get().forEach((partition, offset) ->
                    messages.merge(partition.topic(), offset.offset(), Long::sum));
            messages.forEach((topic, count) -> {
                count("dead-letter topics empty", true);
                if (count > 0) {
                    differ("dead-letter topics empty", topic + " holds " + count);
                }
            });
        } catch (Exception e) {
            differ("dead-letter topics empty", "could not read them: " + e);
        }
    }

    private void count(String check, boolean applies) {
        Row row = rows.computeIfAbsent(check, name -> new Row(name, new int[1], new ArrayList<>()));
        if (applies) {
            row.checked()[0]++;
        }
    }

    private void differ(String check, String difference) {
        rows.computeIfAbsent(check, name -> new Row(name, new int[1], new ArrayList<>())).differences().add(difference);
    }
}
